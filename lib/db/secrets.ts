import Dexie, { type EntityTable } from 'dexie';

interface SecretRecord {
  /** The origin the key was entered for, e.g. "https://api.openai.com". */
  key: string;
  value: string;
}

/** The origin a key belongs to; null for an address that is not http(s). */
export function keyOriginOf(baseURL: string): string | null {
  try {
    const url = new URL(baseURL);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * API keys live in their own database so that no profile export, wipe or query of the profile
 * store can ever touch them; only the background reads them. Each key is bound to the origin it
 * was entered for and is only ever sent there: switching to (or testing) another endpoint never
 * hands it an OpenAI key.
 */
export class SecretStore extends Dexie {
  secrets!: EntityTable<SecretRecord, 'key'>;

  constructor(name = 'idiolect-secrets') {
    super(name);
    this.version(1).stores({ secrets: 'key' });
  }

  async readApiKeyFor(baseURL: string): Promise<string | null> {
    const origin = keyOriginOf(baseURL);
    return origin ? ((await this.secrets.get(origin))?.value ?? null) : null;
  }

  /** Saves (or, with null, forgets) the key for the endpoint at `baseURL`. */
  async writeApiKeyFor(baseURL: string, apiKey: string | null): Promise<void> {
    const origin = keyOriginOf(baseURL);
    if (!origin) return;
    if (apiKey) await this.secrets.put({ key: origin, value: apiKey });
    else await this.secrets.delete(origin);
  }

  async forgetAllKeys(): Promise<void> {
    await this.secrets.clear();
  }
}
