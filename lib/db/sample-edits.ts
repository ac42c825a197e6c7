import type { IdiolectDatabase } from './database';
import { updateStyleFingerprint } from './style-profiles';

/**
 * An excluded sample stays stored (the user may change their mind) but is never used for
 * learning. Returns the sample's profile, or null when there is no such sample.
 */
export async function setSampleExcluded(db: IdiolectDatabase, sampleId: string, excluded: boolean): Promise<string | null> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const sample = await db.samples.get(sampleId);
    if (!sample) return null;
    if (sample.excluded === excluded) return sample.profileId;
    await db.samples.update(sampleId, { excluded });
    await updateStyleFingerprint(db, sample.profileId, sample.text, excluded ? 'remove' : 'add');
    return sample.profileId;
  });
}

/** Returns the deleted sample's profile, or null when there was no such sample. */
export async function deleteSample(db: IdiolectDatabase, sampleId: string): Promise<string | null> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const sample = await db.samples.get(sampleId);
    if (!sample) return null;
    await db.samples.delete(sampleId);
    if (!sample.excluded) await updateStyleFingerprint(db, sample.profileId, sample.text, 'remove');
    return sample.profileId;
  });
}
