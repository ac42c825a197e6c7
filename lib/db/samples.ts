import type { IdiolectDatabase } from './database';
import type { Sample } from './records';

/** The profile's samples stored in [since, until), oldest first: the one range every query below reads. */
function storedBetween(db: IdiolectDatabase, profileId: string, since = '', until = '\uffff', includeSince = true) {
  return db.samples.where('[profileId+storedAt]').between([profileId, since], [profileId, until], includeSince, true);
}

/** Every sample of the profile, newest first, excluded ones too (the sample browser shows them all). */
export function samplesOfProfile(db: IdiolectDatabase, profileId: string): Promise<Sample[]> {
  return storedBetween(db, profileId).reverse().toArray();
}

/** The most recent samples the person lets Idiolect learn from, newest first, at most `limit`. */
export function recentUsableSamples(db: IdiolectDatabase, profileId: string, limit: number): Promise<Sample[]> {
  return storedBetween(db, profileId)
    .reverse()
    .filter((sample) => !sample.excluded)
    .limit(limit)
    .toArray();
}

/** How many samples may be learned from; with `atMost`, stops counting there (a bounded read). */
export function countUsableSamples(db: IdiolectDatabase, profileId: string, atMost = Infinity): Promise<number> {
  const usable = storedBetween(db, profileId).filter((sample) => !sample.excluded);
  return (Number.isFinite(atMost) ? usable.limit(atMost) : usable).count();
}

/** Usable samples, and how many of them were stored after `learnedAt` (what a new version would learn from). */
export async function countUsableSamplesSince(db: IdiolectDatabase, profileId: string, learnedAt: string): Promise<{ usable: number; since: number }> {
  let usable = 0;
  let since = 0;
  await storedBetween(db, profileId)
    .filter((sample) => !sample.excluded)
    .each((sample) => {
      usable += 1;
      if (sample.storedAt > learnedAt) since += 1;
    });
  return { usable, since };
}

/** Whether at least `atLeast` usable samples exist, stored after `since` and not among `seen`; reads at most that many. */
export async function hasUsableSamplesStoredAfter(
  db: IdiolectDatabase,
  profileId: string,
  since: string,
  seen: ReadonlySet<string>,
  atLeast: number,
): Promise<boolean> {
  const found = await storedBetween(db, profileId, since, '\uffff', false)
    .filter((sample) => !sample.excluded && !seen.has(sample.id))
    .limit(atLeast)
    .count();
  return found >= atLeast;
}

/** The usable samples of the profile among `ids`, in no particular order; ids that are gone are skipped. */
export async function usableSamplesByIds(db: IdiolectDatabase, profileId: string, ids: readonly string[]): Promise<Sample[]> {
  return (await db.samples.bulkGet([...ids])).filter(
    (sample): sample is Sample => sample !== undefined && !sample.excluded && sample.profileId === profileId,
  );
}

/** Samples stored since `since` across every profile: what the toolbar badge counts. */
export async function countSamplesStoredSince(db: IdiolectDatabase, since: string): Promise<number> {
  const profileIds = await db.profiles.toCollection().primaryKeys();
  const counts = await Promise.all(profileIds.map((profileId) => storedBetween(db, profileId, since).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Whether the profile already has a sample with this duplicate hash (the same text, give or take spacing). */
export async function hasSampleWithHash(db: IdiolectDatabase, profileId: string, contentHash: string): Promise<boolean> {
  return (await db.samples.where({ profileId, contentHash }).first()) !== undefined;
}
