import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { prepareSample, storePreparedSamples } from '../db/samples';
import type { ImportCandidate } from './judge-text';

export interface StoredImport {
  added: number;
  duplicates: number;
}

/** Writes all candidates in one transaction, so an import that fails while writing leaves nothing behind. */
export async function storeImportedSamples(db: IdiolectDatabase, candidates: readonly ImportCandidate[]): Promise<StoredImport> {
  const prepared = await Promise.all(candidates.map((candidate) => prepareSample(candidate)));
  return db.transaction('rw', [db.profiles, db.settings, db.samples, db.styleProfiles], async () => {
    const profile = await ensureActiveProfile(db);
    const { added, duplicates } = await storePreparedSamples(db, profile.id, prepared);
    return { added: added.length, duplicates: duplicates.length };
  });
}
