import { contentHash as duplicateHashOf } from '../text/content-hash';
import { countWords } from '../text/sample-quality';
import type { IdiolectDatabase } from './database';
import { ensureActiveProfile } from './profiles';
import { sampleSchema, type Sample, type TextKind } from './records';
import { updateStyleFingerprint } from './style-profiles';

export interface NewSample {
  profileId: string;
  text: string;
  site: string;
  kind: TextKind;
  source: Sample['source'];
  writtenAt?: string | null;
  language?: string | null;
  recipientDomain?: string | null;
}

/** A sample with its duplicate hash computed: Web Crypto calls inside a Dexie transaction would end it. */
export type PreparedSample = Omit<Sample, 'profileId' | 'id' | 'storedAt'>;

export type AddSampleResult = { status: 'stored'; sample: Sample } | { status: 'duplicate'; existingId: string };

export async function prepareSample(input: Omit<NewSample, 'profileId'>): Promise<PreparedSample> {
  const text = input.text.trim();
  return {
    text,
    contentHash: await duplicateHashOf(text),
    site: input.site,
    kind: input.kind,
    source: input.source,
    language: input.language ?? null,
    recipientDomain: input.recipientDomain ?? null,
    wordCount: countWords(text),
    writtenAt: input.writtenAt ?? new Date().toISOString(),
    excluded: false,
  };
}

/**
 * Stores prepared samples in the profile, skipping texts it already has (and repeats within the
 * batch), in one transaction, joining the caller's when there is one. A single new sample updates
 * the style fingerprint in place; a batch lets it be rebuilt once on the next read.
 */
export async function storePreparedSamples(
  db: IdiolectDatabase,
  profileId: string,
  prepared: readonly PreparedSample[],
): Promise<{ added: Sample[]; duplicates: Sample['id'][]; stored: boolean[] }> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const storedAt = new Date().toISOString();
    const added: Sample[] = [];
    const duplicates: string[] = [];
    /** For each prepared sample, in order: stored (true) or a duplicate (false). */
    const stored: boolean[] = [];
    const seen = new Map<string, string>();
    for (const item of prepared) {
      const existingId = seen.get(item.contentHash) ?? (await db.samples.where({ profileId, contentHash: item.contentHash }).first())?.id;
      stored.push(!existingId);
      if (existingId) {
        duplicates.push(existingId);
        continue;
      }
      const sample = sampleSchema.parse({ ...item, id: crypto.randomUUID(), profileId, storedAt });
      seen.set(sample.contentHash, sample.id);
      added.push(sample);
    }
    await db.samples.bulkAdd(added);
    if (added.length === 1) await updateStyleFingerprint(db, profileId, added[0]!.text, 'add');
    else if (added.length > 1) await db.styleProfiles.delete(profileId);
    return { added, duplicates, stored };
  });
}

/** Writes samples to the active profile (created if need be) in one transaction: all are stored (or found duplicate), or none. */
export async function storeInActiveProfile(db: IdiolectDatabase, prepared: readonly PreparedSample[]) {
  return db.transaction('rw', [db.profiles, db.settings, db.samples, db.styleProfiles], async () => {
    const profile = await ensureActiveProfile(db);
    return { profileId: profile.id, ...(await storePreparedSamples(db, profile.id, prepared)) };
  });
}

export async function addSample(db: IdiolectDatabase, input: NewSample): Promise<AddSampleResult> {
  const { added, duplicates } = await storePreparedSamples(db, input.profileId, [await prepareSample(input)]);
  return added[0] ? { status: 'stored', sample: added[0] } : { status: 'duplicate', existingId: duplicates[0]! };
}

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
