import type { HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';
import type { Profile, RewriteFeedback, Sample } from './records';

/** A profile with everything learned for it: what an export file holds per profile. */
export interface ProfileWithRecords {
  profile: Profile;
  samples: Sample[];
  hypothesisSets: HypothesisSet[];
  /** What the person said of rewrites in this voice. */
  rewriteFeedback: RewriteFeedback[];
}

/** The given profiles (all of them, oldest first, when none are named) with their samples and versions. */
export async function readProfilesWithRecords(db: IdiolectDatabase, profileIds?: readonly string[]): Promise<ProfileWithRecords[]> {
  return db.transaction('r', [db.profiles, db.samples, db.hypothesisSets, db.rewriteFeedback], async () => {
    const profiles = profileIds
      ? (await db.profiles.bulkGet([...profileIds])).filter((profile) => profile !== undefined)
      : await db.profiles.orderBy('createdAt').toArray();
    return Promise.all(
      profiles.map(async (profile) => ({
        profile,
        samples: await db.samples.where('profileId').equals(profile.id).toArray(),
        hypothesisSets: await db.hypothesisSets.where('profileId').equals(profile.id).sortBy('version'),
        rewriteFeedback: await db.rewriteFeedback.where('profileId').equals(profile.id).sortBy('createdAt'),
      })),
    );
  });
}

/** What an import is merged against: the profiles here, what each already holds, and which ids are taken. */
export interface ImportBaseline {
  profiles: Profile[];
  /** Per profile here: its samples' duplicate hashes, each with the sample's id. */
  sampleIdByHash: Map<string, Map<string, string>>;
  /** Per profile here: the version numbers it has. */
  versions: Map<string, Set<number>>;
  /** Of the ids asked about, those already used here (by any profile). */
  takenSampleIds: Set<string>;
  takenSetIds: Set<string>;
  takenFeedbackIds: Set<string>;
}

export async function readImportBaseline(
  db: IdiolectDatabase,
  ids: { sampleIds: readonly string[]; setIds: readonly string[]; feedbackIds: readonly string[] },
): Promise<ImportBaseline> {
  return db.transaction('r', [db.profiles, db.samples, db.hypothesisSets, db.rewriteFeedback], async () => {
    const profiles = await db.profiles.orderBy('createdAt').toArray();
    const sampleIdByHash = new Map<string, Map<string, string>>();
    const versions = new Map<string, Set<number>>();
    for (const profile of profiles) {
      const samples = await db.samples.where('profileId').equals(profile.id).toArray();
      sampleIdByHash.set(profile.id, new Map(samples.map((sample) => [sample.contentHash, sample.id])));
      const sets = await db.hypothesisSets.where('profileId').equals(profile.id).toArray();
      versions.set(profile.id, new Set(sets.map((set) => set.version)));
    }
    const present = <T extends { id: string }>(rows: ReadonlyArray<T | undefined>) => new Set(rows.flatMap((row) => (row ? [row.id] : [])));
    return {
      profiles,
      sampleIdByHash,
      versions,
      takenSampleIds: present(await db.samples.bulkGet([...ids.sampleIds])),
      takenSetIds: present(await db.hypothesisSets.bulkGet([...ids.setIds])),
      takenFeedbackIds: present(await db.rewriteFeedback.bulkGet([...ids.feedbackIds])),
    };
  });
}

/**
 * Writes an import in one transaction (a failure anywhere writes nothing): new profiles whole, and
 * new samples, versions and verdicts on rewrites into profiles already here. Fingerprints of changed profiles are
 * rebuilt on their next read.
 */
export async function addImportedRecords(db: IdiolectDatabase, entries: readonly ProfileWithRecords[], newProfileIds: ReadonlySet<string>): Promise<void> {
  await db.transaction('rw', [db.profiles, db.samples, db.hypothesisSets, db.styleProfiles, db.rewriteFeedback], async () => {
    for (const entry of entries) {
      if (newProfileIds.has(entry.profile.id)) await db.profiles.add(entry.profile);
      else if (!(await db.profiles.get(entry.profile.id))) throw new Error(`The voice “${entry.profile.name}” was deleted while importing; nothing was imported.`);
      await db.samples.bulkAdd(entry.samples);
      await db.hypothesisSets.bulkAdd(entry.hypothesisSets);
      await db.rewriteFeedback.bulkAdd(entry.rewriteFeedback);
      if (entry.samples.length > 0) await db.styleProfiles.delete(entry.profile.id);
    }
  });
}
