/**
 * A profile's stylometric fingerprint: sufficient statistics (counts and sums) of its samples'
 * features over the reference vocabulary, so samples can be added and removed exactly and the
 * whole object stays plain JSON for IndexedDB.
 */
import { z } from 'zod';
import { COUNT_FAMILIES, extractFeatures, type TextFeatures } from './features';
import { emptyRareCounts, rareCountsSchema } from './rare-ngrams';
import type { StyleVocabulary } from './reference';

const countMap = z.record(z.string(), z.number().int().positive());

export const styleFingerprintSchema = z.object({
  format: z.literal(1),
  /** Id of the reference vocabulary the counts are restricted to. */
  vocabulary: z.string(),
  samples: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  totals: z.object({ char: z.number().int(), word: z.number().int(), bigram: z.number().int() }),
  /** Vocabulary feature counts keyed `family:feature`; zero counts are absent. */
  counts: countMap,
  statistics: z.record(z.string(), z.object({ num: z.number(), den: z.number() })),
  /** How many samples opened with each greeting / ended with each sign-off line. */
  greetings: countMap,
  closings: countMap,
  /** Every character 3-5-gram, hashed; fingerprints from before it was counted have none and are rebuilt. */
  rare: rareCountsSchema.default(emptyRareCounts),
});
export type StyleFingerprint = z.infer<typeof styleFingerprintSchema>;

export function emptyFingerprint(vocabulary: StyleVocabulary): StyleFingerprint {
  return {
    format: 1,
    vocabulary: vocabulary.id,
    samples: 0,
    words: 0,
    totals: { char: 0, word: 0, bigram: 0 },
    counts: {},
    statistics: {},
    greetings: {},
    closings: {},
    rare: emptyRareCounts(),
  };
}

function adjust(map: Record<string, number>, key: string, delta: number): void {
  const next = (map[key] ?? 0) + delta;
  if (next > 0) map[key] = next;
  else if (next === 0) delete map[key];
  else throw new Error(`Removing a sample that was never added (count of "${key}" would be negative)`);
}

/** A fingerprint whose maps are its own, so that samples can be added to it in place. */
type Mutable = {
  -readonly [K in keyof StyleFingerprint]: StyleFingerprint[K];
};

function copyOf(fingerprint: StyleFingerprint, vocabulary: StyleVocabulary): Mutable {
  if (fingerprint.vocabulary !== vocabulary.id) {
    throw new Error(`Fingerprint uses vocabulary ${fingerprint.vocabulary}, not ${vocabulary.id}: rebuild it from its samples`);
  }
  return {
    ...fingerprint,
    totals: { ...fingerprint.totals },
    counts: { ...fingerprint.counts },
    statistics: { ...fingerprint.statistics },
    greetings: { ...fingerprint.greetings },
    closings: { ...fingerprint.closings },
    rare: { total: fingerprint.rare.total, counts: { ...fingerprint.rare.counts } },
  };
}

function applyInPlace(fingerprint: Mutable, features: TextFeatures, vocabulary: StyleVocabulary, sign: 1 | -1): void {
  for (const [key, n] of features.counts) {
    if (vocabulary.keys.has(key)) adjust(fingerprint.counts, key, sign * n);
  }
  for (const [name, ratio] of Object.entries(features.statistics)) {
    const previous = fingerprint.statistics[name] ?? { num: 0, den: 0 };
    const next = { num: previous.num + sign * ratio.num, den: previous.den + sign * ratio.den };
    if (next.num === 0 && next.den === 0) delete fingerprint.statistics[name];
    else fingerprint.statistics[name] = next;
  }
  if (features.greeting !== null) adjust(fingerprint.greetings, features.greeting, sign);
  if (features.closing !== null) adjust(fingerprint.closings, features.closing, sign);
  for (const [bucket, n] of features.rare) {
    adjust(fingerprint.rare.counts, String(bucket), sign * n);
    fingerprint.rare.total += sign * n;
  }
  for (const family of COUNT_FAMILIES) fingerprint.totals[family] += sign * features.totals[family];
  fingerprint.samples += sign;
  fingerprint.words += sign * features.wordCount;
}

function applyFeatures(fingerprint: StyleFingerprint, features: TextFeatures, vocabulary: StyleVocabulary, sign: 1 | -1): StyleFingerprint {
  const next = copyOf(fingerprint, vocabulary);
  applyInPlace(next, features, vocabulary, sign);
  return next;
}

/** Returns a new fingerprint with the sample's features added; the argument is not changed. */
export function addFeatures(fingerprint: StyleFingerprint, features: TextFeatures, vocabulary: StyleVocabulary): StyleFingerprint {
  return applyFeatures(fingerprint, features, vocabulary, 1);
}

export function addSample(fingerprint: StyleFingerprint, text: string, vocabulary: StyleVocabulary): StyleFingerprint {
  return addFeatures(fingerprint, extractFeatures(text), vocabulary);
}

/** Subtracts a sample previously added with the same text (e.g. the user excluded it). */
export function removeSample(fingerprint: StyleFingerprint, text: string, vocabulary: StyleVocabulary): StyleFingerprint {
  if (fingerprint.samples === 0) throw new Error('Cannot remove a sample from an empty fingerprint');
  return applyFeatures(fingerprint, extractFeatures(text), vocabulary, -1);
}

/** A fingerprint of many texts, counted into one copy rather than one per text. */
export function fingerprintOf(texts: readonly string[], vocabulary: StyleVocabulary): StyleFingerprint {
  const fingerprint: Mutable = emptyFingerprint(vocabulary);
  for (const text of texts) applyInPlace(fingerprint, extractFeatures(text), vocabulary, 1);
  return fingerprint;
}
