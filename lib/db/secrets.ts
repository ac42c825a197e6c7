import Dexie, { type EntityTable } from 'dexie';

interface SecretRecord {
  key: 'apiKey';
  value: string;
}

/**
 * API keys live in their own database so that no profile export, wipe or query of the profile
 * store can ever touch them; only the background reads them.
 */
export class SecretStore extends Dexie {
  secrets!: EntityTable<SecretRecord, 'key'>;

  constructor(name = 'idiolect-secrets') {
    super(name);
    this.version(1).stores({ secrets: 'key' });
  }

  async readApiKey(): Promise<string | null> {
    return (await this.secrets.get('apiKey'))?.value ?? null;
  }

  async writeApiKey(apiKey: string | null): Promise<void> {
    if (apiKey) await this.secrets.put({ key: 'apiKey', value: apiKey });
    else await this.secrets.delete('apiKey');
  }
}
