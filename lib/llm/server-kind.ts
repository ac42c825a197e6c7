/**
 * Which server stands behind an OpenAI-compatible endpoint. They speak the same chat API but
 * differ in what they report (context size, installed models) and in what a person can change
 * on them, so advice and discovery depend on it.
 */
export type ServerKind = 'openai' | 'llamacpp' | 'ollama' | 'lmstudio' | 'other';

/** The ports each server listens on unless told otherwise (their own documentation's defaults). */
const DEFAULT_PORTS: ReadonlyArray<[string, ServerKind]> = [
  ['11434', 'ollama'],
  ['1234', 'lmstudio'],
  ['8080', 'llamacpp'],
];

export function serverKindOf(endpoint: { provider: string; baseURL: string }): ServerKind {
  switch (endpoint.provider) {
    case 'openai':
    case 'ollama':
    case 'lmstudio':
    case 'llamacpp':
      return endpoint.provider;
  }
  try {
    const url = new URL(endpoint.baseURL);
    if (url.hostname === 'api.openai.com') return 'openai';
    return DEFAULT_PORTS.find(([port]) => url.port === port)?.[1] ?? 'other';
  } catch {
    return 'other';
  }
}

/** `http://host:port/v1` → `http://host:port`: where a server's own (non-OpenAI) API lives. */
export function serverRootOf(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}
