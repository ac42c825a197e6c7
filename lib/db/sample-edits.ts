import type { IdiolectDatabase } from './database';
import { updateStyleFingerprint } from './style-profiles';

/** An excluded sample stays stored (the user may change their mind) but is never used for learning. */
export async function setSampleExcluded(db: IdiolectDatabase, sampleId: string, excluded: boolean): Promise<void> {
  await db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const sample = await db.samples.get(sampleId);
    if (!sample || sample.excluded === excluded) return;
    await db.samples.update(sampleId, { excluded });
    await updateStyleFingerprint(db, sample.profileId, sample.text, excluded ? 'remove' : 'add');
  });
}

export async function deleteSample(db: IdiolectDatabase, sampleId: string): Promise<void> {
  await db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const sample = await db.samples.get(sampleId);
    if (!sample) return;
    await db.samples.delete(sampleId);
    if (!sample.excluded) await updateStyleFingerprint(db, sample.profileId, sample.text, 'remove');
  });
}
