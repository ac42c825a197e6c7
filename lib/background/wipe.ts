import { clearEveryTable } from '../db/clear-everything';
import type { IdiolectDatabase } from '../db/database';
import type { SecretStore } from '../db/secrets';
import { applyCollectionState } from './collection-control';
import { refreshTodayBadge } from './today-badge';

/** "Delete all my data": every table (profiles, samples, hypotheses, fingerprints, jobs, settings and allowed sites) and the API key. */
export async function wipeEverything(db: IdiolectDatabase, secrets: SecretStore): Promise<void> {
  await clearEveryTable(db);
  await secrets.forgetAllKeys();
  await applyCollectionState(db);
  await refreshTodayBadge(db);
}
