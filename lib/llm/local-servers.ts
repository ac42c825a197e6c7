import { z } from 'zod';
import type { ProviderId } from '../settings/schema';
import { presetFor } from './presets';

/** The local servers a newcomer most likely runs, at the addresses they listen on out of the box. */
export const LOCAL_SERVER_PROVIDERS = ['ollama', 'lmstudio', 'llamacpp'] as const satisfies readonly ProviderId[];
type LocalProvider = (typeof LOCAL_SERVER_PROVIDERS)[number];

export const localServerFindingSchema = z.object({
  provider: z.enum(LOCAL_SERVER_PROVIDERS),
  label: z.string(),
  baseURL: z.string(),
  /** `ready`: it answered with its models; `refused`: it runs but turns this extension away (Ollama's origin check). */
  state: z.enum(['ready', 'refused']),
  models: z.array(z.string()),
  /** What to do about a refusal, in words. */
  advice: z.string().nullable(),
});
export type LocalServerFinding = z.infer<typeof localServerFindingSchema>;

const modelsPage = z.object({ data: z.array(z.object({ id: z.string() })) });

/** Long enough for a busy local server to answer a model list; nothing listens on most of these ports. */
const PROBE_TIMEOUT_MS = 1_500;

async function probe(provider: LocalProvider, baseURL: string, extensionOrigin: string, fetchImpl: typeof fetch): Promise<LocalServerFinding | null> {
  const label = presetFor(provider).label;
  let response: Response;
  try {
    response = await fetchImpl(`${baseURL.replace(/\/$/, '')}/models`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch {
    return null;
  }
  if (response.status === 403 && provider === 'ollama') {
    return {
      provider,
      label,
      baseURL,
      state: 'refused',
      models: [],
      advice: `Ollama is running but refuses this extension. Restart it with OLLAMA_ORIGINS=${extensionOrigin.replace(/\/$/, '') || 'chrome-extension://*'} set, then look again.`,
    };
  }
  if (!response.ok) return null;
  const page = modelsPage.safeParse(await response.json().catch(() => null));
  if (!page.success) return null;
  return { provider, label, baseURL, state: 'ready', models: page.data.data.map(({ id }) => id).sort(), advice: null };
}

/**
 * Which local model servers answer on this computer, each at its default address (or the ones
 * given, for tests). Only loopback addresses are ever asked.
 */
export async function findLocalServers(
  extensionOrigin: string,
  fetchImpl: typeof fetch = fetch,
  addresses: Readonly<Partial<Record<LocalProvider, string>>> = {},
): Promise<LocalServerFinding[]> {
  const found = await Promise.all(
    LOCAL_SERVER_PROVIDERS.map((provider) => probe(provider, addresses[provider] ?? presetFor(provider).baseURL, extensionOrigin, fetchImpl)),
  );
  return found.filter((finding): finding is LocalServerFinding => finding !== null);
}
