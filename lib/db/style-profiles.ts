import { addStyleSample, isFingerprintCurrent, removeStyleSample, styleFingerprintOf, type StyleFingerprint } from '../style';
import type { IdiolectDatabase } from './database';
import type { StyleProfile } from './records';
import { countUsableSamples, samplesOfProfile } from './samples';

/** Whether the stored fingerprint can be used as it is: same reference vocabulary, same samples. */
export function isStoredFingerprintFresh(stored: StyleProfile | undefined, usableSampleCount: number): stored is StyleProfile {
  return stored !== undefined && isFingerprintCurrent(stored.fingerprint) && stored.fingerprint.samples === usableSampleCount;
}

/**
 * The profile's fingerprint. It is kept up to date incrementally; when it is missing, was built
 * over another reference vocabulary, or its sample count disagrees with the store (a path that
 * wrote samples in bulk), it is rebuilt from the samples, so it is never silently wrong.
 */
export async function readStyleFingerprint(db: IdiolectDatabase, profileId: string): Promise<StyleFingerprint> {
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const stored = await db.styleProfiles.get(profileId);
    const usableCount = await countUsableSamples(db, profileId);
    if (isStoredFingerprintFresh(stored, usableCount)) return stored.fingerprint;
    const samples = await samplesOfProfile(db, profileId);
    const usable = samples.filter((sample) => !sample.excluded);
    // Kept-out samples written around the database layer lack their index entry, and the count above
    // then disagrees with the samples for good: writing them again through it puts the entries back.
    if (usable.length !== usableCount) await db.samples.bulkPut(samples.filter((sample) => sample.excluded));
    const fingerprint = styleFingerprintOf(usable.map((sample) => sample.text));
    await db.styleProfiles.put({ profileId, fingerprint, updatedAt: new Date().toISOString() });
    return fingerprint;
  });
}

/** Adds or removes one sample's text from the profile's fingerprint, inside the caller's transaction. */
export async function updateStyleFingerprint(db: IdiolectDatabase, profileId: string, text: string, change: 'add' | 'remove'): Promise<void> {
  const stored = await db.styleProfiles.get(profileId);
  if (!stored || !isFingerprintCurrent(stored.fingerprint)) return;
  try {
    const fingerprint = change === 'add' ? addStyleSample(stored.fingerprint, text) : removeStyleSample(stored.fingerprint, text);
    await db.styleProfiles.put({ profileId, fingerprint, updatedAt: new Date().toISOString() });
  } catch {
    // The stored fingerprint had drifted from the samples; the next read rebuilds it.
    await db.styleProfiles.delete(profileId);
  }
}
