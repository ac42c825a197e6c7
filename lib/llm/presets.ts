import type { ProviderId } from '../settings/schema';

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  baseURL: string;
  exampleModel: string;
  needsApiKey: boolean;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', exampleModel: 'gpt-4o-mini', needsApiKey: true },
  { id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434/v1', exampleModel: 'llama3.1', needsApiKey: false },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', exampleModel: 'local-model', needsApiKey: false },
  { id: 'llamacpp', label: 'llama.cpp server', baseURL: 'http://localhost:8080/v1', exampleModel: 'local-model', needsApiKey: false },
  { id: 'custom', label: 'Other OpenAI-compatible endpoint', baseURL: '', exampleModel: '', needsApiKey: false },
];

export function presetFor(id: ProviderId): ProviderPreset {
  return PROVIDER_PRESETS.find((preset) => preset.id === id) ?? PROVIDER_PRESETS[PROVIDER_PRESETS.length - 1]!;
}
