import type { IdiolectDatabase } from './database';

/** An excluded sample stays stored (the user may change their mind) but is never used for learning. */
export async function setSampleExcluded(db: IdiolectDatabase, sampleId: string, excluded: boolean): Promise<void> {
  await db.samples.update(sampleId, { excluded });
}

export async function deleteSample(db: IdiolectDatabase, sampleId: string): Promise<void> {
  await db.samples.delete(sampleId);
}
