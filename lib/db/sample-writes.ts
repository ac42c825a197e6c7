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
