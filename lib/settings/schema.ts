import { z } from 'zod';

/** `chrome-builtin` is the browser's own on-device model (Chrome's Prompt API): no server, no key. */
export const providerIdSchema = z.enum(['chrome-builtin', 'openai', 'ollama', 'lmstudio', 'llamacpp', 'custom']);
export type ProviderId = z.infer<typeof providerIdSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The model endpoint. Fields added after version 1 are optional, so settings saved by an older
 * version still parse (a failed parse would silently fall back to the defaults).
 */
export const llmSettingsFieldsSchema = z.object({
  provider: providerIdSchema,
  baseURL: z.string().trim().max(500),
  model: z.string().trim().max(200),
  /** The model's context window in tokens when the person knows it; absent or null: the preset's guess. */
  contextTokens: z.number().int().min(512).max(2_000_000).nullish(),
});

/** The endpoint as it may be saved; the fields alone are what a form may hold while it is being typed. */
export const llmSettingsSchema = llmSettingsFieldsSchema.superRefine((settings, ctx) => {
  if (settings.provider === 'chrome-builtin') return;
  if (!isHttpUrl(settings.baseURL)) {
    ctx.addIssue({ code: 'custom', path: ['baseURL'], message: 'Enter the endpoint’s address, such as http://localhost:11434/v1' });
  }
  if (settings.model === '') ctx.addIssue({ code: 'custom', path: ['model'], message: 'Enter the name of the model to use' });
});
export type LlmSettings = z.infer<typeof llmSettingsSchema>;

export const verifiedEndpointSchema = z.object({ provider: providerIdSchema, baseURL: z.string(), model: z.string() });
export type VerifiedEndpoint = z.infer<typeof verifiedEndpointSchema>;

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
  /** Say quietly in the page what happened to each sent text ("Kept for learning (3 of 4)."). */
  showSentTextNotices: z.boolean(),
  redactBeforeStoring: z.boolean(),
  /** Duplicate hashes of the latest rewrites Idiolect produced, so they are not learned back as the user's own text. */
  recentRewriteHashes: z.array(z.string()).max(200),
  activeProfileId: z.string().nullable(),
  /** Per-site voices ("mail.google.com uses Work email"): harvest and rewrite there use that profile, not the active one. */
  siteProfiles: z.record(allowedSiteSchema, z.string()),
  /** The endpoint that last answered Test connection; the guided start's first step is done when it is the saved one. */
  verifiedEndpoint: verifiedEndpointSchema.nullable(),
} as const;
export type SettingKey = keyof typeof settingsSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingsSchemas)[K]>;

export const defaultSettings: { [K in SettingKey]: SettingValue<K> } = {
  llm: { provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', contextTokens: null },
  allowedSites: [],
  collectionPaused: false,
  reviewBeforeSaving: false,
  showSentTextNotices: true,
  redactBeforeStoring: false,
  recentRewriteHashes: [],
  activeProfileId: null,
  siteProfiles: {},
  verifiedEndpoint: null,
};

/** Used until the person saves their own choice, when the browser has an on-device model. */
export const builtInModelSettings: LlmSettings = { provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano', contextTokens: null };
