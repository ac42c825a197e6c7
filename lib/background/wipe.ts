import type { IdiolectDatabase } from '../db/database';
import type { SecretStore } from '../db/secrets';
import { applyCollectionState } from './collection-control';
import { refreshTodayBadge } from './today-badge';

/** "Delete all my data": profiles, samples, hypotheses, jobs, settings, allowed sites and the API key. */
export async function wipeEverything(db: IdiolectDatabase, secrets: SecretStore): Promise<void> {
  await db.transaction('rw', [db.profiles, db.samples, db.hypothesisSets, db.jobs, db.settings], async () => {
    await Promise.all([db.profiles.clear(), db.samples.clear(), db.hypothesisSets.clear(), db.jobs.clear(), db.settings.clear()]);
  });
  await secrets.writeApiKey(null);
  await applyCollectionState(db);
  await refreshTodayBadge(db);
}
