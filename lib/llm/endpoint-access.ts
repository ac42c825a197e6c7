import type { LlmSettings } from '../settings/schema';

/**
 * The host permission that lets the background reach an endpoint without CORS. OpenAI and
 * loopback are granted at install; any other host is asked for when the person saves it.
 */
export function endpointOriginPattern(settings: LlmSettings): string | null {
  if (settings.provider === 'chrome-builtin') return null;
  try {
    const url = new URL(settings.baseURL);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}
