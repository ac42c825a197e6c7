import { z } from 'zod';

export const providerIdSchema = z.enum(['openai', 'ollama', 'lmstudio', 'llamacpp', 'custom']);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const llmSettingsSchema = z.object({
  provider: providerIdSchema,
  baseURL: z.url({ protocol: /^https?$/ }),
  model: z.string().trim().min(1).max(200),
});
export type LlmSettings = z.infer<typeof llmSettingsSchema>;

/** A site the user allowed collection on, named by its host ("mail.google.com", "127.0.0.1"). */
export const allowedSiteSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'Enter a host name such as mail.google.com');

export const settingsSchemas = {
  llm: llmSettingsSchema,
  allowedSites: z.array(allowedSiteSchema),
  collectionPaused: z.boolean(),
  reviewBeforeSaving: z.boolean(),
  activeProfileId: z.string().nullable(),
} as const;
export type SettingKey = keyof typeof settingsSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingsSchemas)[K]>;

export const defaultSettings: { [K in SettingKey]: SettingValue<K> } = {
  llm: { provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  allowedSites: [],
  collectionPaused: false,
  reviewBeforeSaving: false,
  activeProfileId: null,
};
