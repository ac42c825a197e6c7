import type { LlmSettings, ProviderId } from '../settings/schema';

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  baseURL: string;
  exampleModel: string;
  needsApiKey: boolean;
  /** What we assume about the model's context window until the person says otherwise. */
  defaultContextTokens: number;
  /** One line shown under the provider choice. */
  hint: string;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'chrome-builtin',
    label: 'Built into this browser (on-device, no setup)',
    baseURL: '',
    exampleModel: 'gemini-nano',
    needsApiKey: false,
    defaultContextTokens: 6_144,
    hint: 'Chrome’s own small model runs on this computer; nothing leaves it.',
  },
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    exampleModel: 'gpt-4o-mini',
    needsApiKey: true,
    defaultContextTokens: 128_000,
    hint: 'Needs an API key from platform.openai.com.',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    exampleModel: 'llama3.1',
    needsApiKey: false,
    // Ollama's default num_ctx; larger only when the model is configured for it.
    defaultContextTokens: 4_096,
    hint: 'Start Ollama with OLLAMA_ORIGINS=chrome-extension://* so it accepts the extension.',
  },
  {
    id: 'lmstudio',
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    exampleModel: 'local-model',
    needsApiKey: false,
    defaultContextTokens: 4_096,
    hint: 'Start the server in LM Studio’s Developer tab.',
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server',
    baseURL: 'http://localhost:8080/v1',
    exampleModel: 'local-model',
    needsApiKey: false,
    defaultContextTokens: 4_096,
    hint: 'Run llama-server; it serves whichever model it was started with.',
  },
  {
    id: 'custom',
    label: 'Other OpenAI-compatible endpoint',
    baseURL: '',
    exampleModel: '',
    needsApiKey: false,
    defaultContextTokens: 8_192,
    hint: 'Any server that speaks the OpenAI chat completions API.',
  },
];

export function presetFor(id: ProviderId): ProviderPreset {
  return PROVIDER_PRESETS.find((preset) => preset.id === id) ?? PROVIDER_PRESETS[PROVIDER_PRESETS.length - 1]!;
}

/** Context windows of hosted models we know by name; first match wins. */
const KNOWN_CONTEXT: ReadonlyArray<[RegExp, number]> = [
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-5/, 400_000],
  [/^o\d/, 200_000],
  [/^gpt-4o|^gpt-4-turbo|^chatgpt-4o/, 128_000],
  [/^gpt-3\.5/, 16_385],
];

/** The context window prompts are budgeted against: the person's own figure, else what we know. */
export function contextTokensFor(settings: LlmSettings): number {
  if (settings.contextTokens) return settings.contextTokens;
  if (settings.provider === 'openai') {
    const known = KNOWN_CONTEXT.find(([pattern]) => pattern.test(settings.model));
    if (known) return known[1];
  }
  return presetFor(settings.provider).defaultContextTokens;
}
