import type { HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';
import type { Profile, Sample } from './records';

/** A profile with everything learned for it: what an export file holds per profile. */
export interface ProfileWithRecords {
  profile: Profile;
  samples: Sample[];
  hypothesisSets: HypothesisSet[];
}

/** The given profiles (all of them, oldest first, when none are named) with their samples and versions. */
export async function readProfilesWithRecords(db: IdiolectDatabase, profileIds?: readonly string[]): Promise<ProfileWithRecords[]> {
  return db.transaction('r', db.profiles, db.samples, db.hypothesisSets, async () => {
    const profiles = profileIds
      ? (await db.profiles.bulkGet([...profileIds])).filter((profile) => profile !== undefined)
      : await db.profiles.orderBy('createdAt').toArray();
    return Promise.all(
      profiles.map(async (profile) => ({
        profile,
        samples: await db.samples.where('profileId').equals(profile.id).toArray(),
        hypothesisSets: await db.hypothesisSets.where('profileId').equals(profile.id).sortBy('version'),
      })),
    );
  });
}

/**
 * Adds whole profiles (new ids already given) in one transaction: a failure anywhere adds none.
 * Their fingerprints are built on first read.
 */
export async function addProfilesWithRecords(db: IdiolectDatabase, entries: readonly ProfileWithRecords[]): Promise<void> {
  await db.transaction('rw', db.profiles, db.samples, db.hypothesisSets, async () => {
    for (const entry of entries) {
      await db.profiles.add(entry.profile);
      await db.samples.bulkAdd(entry.samples);
      await db.hypothesisSets.bulkAdd(entry.hypothesisSets);
    }
  });
}
