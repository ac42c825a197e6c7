import type { HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';

export async function latestHypothesisSet(db: IdiolectDatabase, profileId: string): Promise<HypothesisSet | undefined> {
  return db.hypothesisSets
    .where('[profileId+version]')
    .between([profileId, 0], [profileId, Infinity])
    .last();
}

/** Every version of the profile, newest first: what History lists. */
export async function hypothesisSetsOf(db: IdiolectDatabase, profileId: string): Promise<HypothesisSet[]> {
  return db.hypothesisSets
    .where('[profileId+version]')
    .between([profileId, 0], [profileId, Infinity])
    .reverse()
    .toArray();
}
