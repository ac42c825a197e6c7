/**
 * The writes of samples (the background's admission pipeline calls them). Apart from the reads in
 * samples.ts because they keep the style fingerprint current, which brings the style code along:
 * pages that only read samples should not load it.
 */
import { contentHash as duplicateHashOf } from '../text/content-hash';
import { countWords } from '../text/sample-quality';
import type { IdiolectDatabase } from './database';
import { sampleSchema, type Sample, type TextKind } from './records';
import { ensureProfileForSite } from './site-voices';
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

/**
 * Writes samples to the profile of the site they came from (its own voice, else the active
 * profile, created if need be) in one transaction: all are stored (or found duplicate), or none.
 */
export async function storeInProfileOfSite(db: IdiolectDatabase, site: string | null, prepared: readonly PreparedSample[]) {
  return db.transaction('rw', [db.profiles, db.settings, db.samples, db.styleProfiles], async () => {
    const profile = await ensureProfileForSite(db, site);
    return { profileId: profile.id, ...(await storePreparedSamples(db, profile.id, prepared)) };
  });
}

export async function addSample(db: IdiolectDatabase, input: NewSample): Promise<AddSampleResult> {
  const { added, duplicates } = await storePreparedSamples(db, input.profileId, [await prepareSample(input)]);
  return added[0] ? { status: 'stored', sample: added[0] } : { status: 'duplicate', existingId: duplicates[0]! };
}

/** The fingerprint after usable texts came or went: one is folded in place; more let it be rebuilt on the next read, once. */
async function afterUsableTextsChanged(db: IdiolectDatabase, profileId: string, texts: readonly string[], change: 'add' | 'remove'): Promise<void> {
  if (texts.length === 1) await updateStyleFingerprint(db, profileId, texts[0]!, change);
  else if (texts.length > 1) await db.styleProfiles.delete(profileId);
}

/** Sample texts grouped by profile, for the fingerprint updates of a bulk change. */
function textsByProfile(samples: readonly Sample[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const sample of samples) grouped.set(sample.profileId, [...(grouped.get(sample.profileId) ?? []), sample.text]);
  return grouped;
}

export interface BulkChange {
  /** The samples that changed (those already so, or gone, are left out). */
  changedIds: string[];
  /** Profiles whose samples changed: what the "samples changed" step must hear about. */
  profileIds: string[];
}

/** Keeps samples out of learning, or lets them back in, in one transaction. */
export async function setSamplesExcluded(db: IdiolectDatabase, sampleIds: readonly string[], excluded: boolean): Promise<BulkChange> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const changed = (await db.samples.bulkGet([...sampleIds])).filter((sample): sample is Sample => sample !== undefined && sample.excluded !== excluded);
    await db.samples.bulkUpdate(changed.map((sample) => ({ key: sample.id, changes: { excluded } })));
    const grouped = textsByProfile(changed);
    for (const [profileId, texts] of grouped) await afterUsableTextsChanged(db, profileId, texts, excluded ? 'remove' : 'add');
    return { changedIds: changed.map((sample) => sample.id), profileIds: [...grouped.keys()] };
  });
}

/** Deletes samples in one transaction and returns them whole, so an undo can put back exactly these. */
export async function deleteSamples(db: IdiolectDatabase, sampleIds: readonly string[]): Promise<Sample[]> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const deleted = (await db.samples.bulkGet([...sampleIds])).filter((sample): sample is Sample => sample !== undefined);
    await db.samples.bulkDelete(deleted.map((sample) => sample.id));
    for (const [profileId, texts] of textsByProfile(deleted.filter((sample) => !sample.excluded))) await afterUsableTextsChanged(db, profileId, texts, 'remove');
    return deleted;
  });
}

/**
 * Puts deleted samples back as they were (ids, dates, kept-out state), in one transaction. Skips
 * a sample whose profile is gone (deleted, or "Delete all my data" since), whose id is taken, or
 * whose text the profile already has again.
 */
export async function restoreSamples(db: IdiolectDatabase, samples: readonly Sample[]): Promise<BulkChange> {
  return db.transaction('rw', db.profiles, db.samples, db.styleProfiles, async () => {
    const profiles = new Set((await db.profiles.bulkGet([...new Set(samples.map((sample) => sample.profileId))])).flatMap((profile) => (profile ? [profile.id] : [])));
    const taken = new Set((await db.samples.bulkGet(samples.map((sample) => sample.id))).flatMap((sample) => (sample ? [sample.id] : [])));
    const restored: Sample[] = [];
    for (const sample of samples) {
      if (!profiles.has(sample.profileId) || taken.has(sample.id)) continue;
      if (await db.samples.where({ profileId: sample.profileId, contentHash: sample.contentHash }).first()) continue;
      restored.push(sampleSchema.parse(sample));
      taken.add(sample.id);
    }
    await db.samples.bulkAdd(restored);
    const grouped = textsByProfile(restored);
    for (const [profileId, texts] of textsByProfile(restored.filter((sample) => !sample.excluded))) await afterUsableTextsChanged(db, profileId, texts, 'add');
    return { changedIds: restored.map((sample) => sample.id), profileIds: [...grouped.keys()] };
  });
}

/**
 * Moves samples to another profile in one transaction. A text the target already has stays where
 * it is (a profile holds each text once); both profiles' fingerprints follow.
 */
export async function moveSamples(db: IdiolectDatabase, sampleIds: readonly string[], toProfileId: string): Promise<BulkChange> {
  return db.transaction('rw', db.profiles, db.samples, db.styleProfiles, async () => {
    if (!(await db.profiles.get(toProfileId))) throw new Error('That profile no longer exists.');
    const candidates = (await db.samples.bulkGet([...sampleIds])).filter((sample): sample is Sample => sample !== undefined && sample.profileId !== toProfileId);
    const moved: Sample[] = [];
    const hashes = new Set<string>();
    for (const sample of candidates) {
      if (hashes.has(sample.contentHash) || (await db.samples.where({ profileId: toProfileId, contentHash: sample.contentHash }).first())) continue;
      hashes.add(sample.contentHash);
      moved.push(sample);
    }
    await db.samples.bulkUpdate(moved.map((sample) => ({ key: sample.id, changes: { profileId: toProfileId } })));
    const usable = moved.filter((sample) => !sample.excluded);
    const from = textsByProfile(usable);
    for (const [profileId, texts] of from) await afterUsableTextsChanged(db, profileId, texts, 'remove');
    await afterUsableTextsChanged(db, toProfileId, usable.map((sample) => sample.text), 'add');
    const profileIds = new Set(textsByProfile(moved).keys());
    if (moved.length > 0) profileIds.add(toProfileId);
    return { changedIds: moved.map((sample) => sample.id), profileIds: [...profileIds] };
  });
}
