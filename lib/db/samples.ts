import Dexie from 'dexie';
import type { IdiolectDatabase } from './database';
import type { Sample } from './records';
import { watchQuery } from './watch-query';

/** The profile's samples stored in [since, until), oldest first: the one range every query below reads. */
function storedBetween(db: IdiolectDatabase, profileId: string, since = '', until = '\uffff', includeSince = true) {
  return db.samples.where('[profileId+storedAt]').between([profileId, since], [profileId, until], includeSince, true);
}

/**
 * Every sample of the profile, excluded ones too, in no particular order: one bulk read (no
 * cursor), for the samples table, which sorts and filters them itself.
 */
export function samplesOfProfile(db: IdiolectDatabase, profileId: string): Promise<Sample[]> {
  return db.samples.where('profileId').equals(profileId).toArray();
}

/** The ids of the profile's samples: a read of the index alone, cheap enough to watch live. */
export function sampleIdsOfProfile(db: IdiolectDatabase, profileId: string): Promise<string[]> {
  return db.samples.where('profileId').equals(profileId).primaryKeys();
}

/** Calls `onIds` with the profile's sample ids now and after every change to them; returns how to stop. */
export function watchSampleIdsOfProfile(db: IdiolectDatabase, profileId: string, onIds: (ids: string[]) => void): () => void {
  return watchQuery(() => sampleIdsOfProfile(db, profileId), onIds, () => undefined);
}

/** The samples among `ids` that still exist, in the order asked. */
export async function samplesByIds(db: IdiolectDatabase, ids: readonly string[]): Promise<Sample[]> {
  return (await db.samples.bulkGet([...ids])).filter((sample): sample is Sample => sample !== undefined);
}

export interface SampleCounts {
  /** Every sample stored, kept out or not. */
  total: number;
  /** Samples the person keeps out of learning. */
  keptOut: number;
  /** Usable samples stored after `learnedAt` (what a new version would learn from). */
  usableSince: number;
}

/** The profile's kept-out samples stored after `since` (all of them when it is empty), counted from their own index. */
function countKeptOutSince(db: IdiolectDatabase, profileId: string, since: string): Promise<number> {
  return db.samples
    .where('[profileId+keptOutStoredAt]')
    .between([profileId, since], [profileId, Dexie.maxKey], false, true)
    .count();
}

/** The profile's usable samples stored after `since` (all of them when it is empty): those stored, less the kept-out ones. */
async function countUsableStoredAfter(db: IdiolectDatabase, profileId: string, since: string): Promise<number> {
  const [stored, keptOut] = await Promise.all([storedBetween(db, profileId, since, '\uffff', false).count(), countKeptOutSince(db, profileId, since)]);
  return stored - keptOut;
}

/** The profile's sample counts, from indexes alone: never a read of the samples themselves. */
export async function countSamplesOfProfile(db: IdiolectDatabase, profileId: string, learnedAt: string): Promise<SampleCounts> {
  const [total, keptOut, usableSince] = await Promise.all([
    db.samples.where('profileId').equals(profileId).count(),
    countKeptOutSince(db, profileId, ''),
    countUsableStoredAfter(db, profileId, learnedAt),
  ]);
  return { total, keptOut, usableSince };
}

/**
 * What learning needs to know, in bounded reads (never every sample, so a page watching it stays
 * light with 10,000 stored): usable samples counted up to `enough`, and usable samples stored after
 * `learnedAt` (none asked for, `null`, before anything was learned).
 */
export async function countSamplesForLearning(
  db: IdiolectDatabase,
  profileId: string,
  learnedAt: string | null,
  enough: number,
): Promise<{ usableUpTo: number; usableSince: number }> {
  const [usableUpTo, usableSince] = await Promise.all([
    countUsableSamples(db, profileId, enough),
    learnedAt === null ? 0 : countUsableStoredAfter(db, profileId, learnedAt),
  ]);
  return { usableUpTo, usableSince };
}

/**
 * The most recent samples the person lets Idiolect learn from, newest first, at most `limit`.
 * Read in bulk, newest `n` at once, not through a filtered cursor (one step per sample, on the
 * path a rewrite's first token waits on): when more kept-out samples are among them than the
 * first read allows for, it is widened by as many, until there are enough or no more.
 */
export async function recentUsableSamples(db: IdiolectDatabase, profileId: string, limit: number): Promise<Sample[]> {
  // A little more than asked at first, so a few kept-out samples among the newest cost no second read.
  for (let read = limit + Math.ceil(limit / 8); ; ) {
    const newest = await storedBetween(db, profileId).reverse().limit(read).toArray();
    const usable = newest.filter((sample) => !sample.excluded);
    if (usable.length >= limit || newest.length < read) return usable.slice(0, limit);
    read += limit - usable.length;
  }
}

/**
 * How many samples may be learned from, at most `atMost`. Bounded, it reads the first usable
 * samples and stops there, so a live query counting "4 of 4" wakes only when those change, not on
 * every edit of 10,000. Unbounded, it counts from indexes alone: all samples less the kept-out ones
 * (a filtered count would read every sample, on every style score).
 */
export async function countUsableSamples(db: IdiolectDatabase, profileId: string, atMost = Infinity): Promise<number> {
  if (Number.isFinite(atMost)) {
    return storedBetween(db, profileId)
      .filter((sample) => !sample.excluded)
      .limit(atMost)
      .count();
  }
  return countUsableStoredAfter(db, profileId, '');
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
