/**
 * A profile's stylometric fingerprint: sufficient statistics (counts and sums) of its samples'
 * features over the reference vocabulary, so samples can be added and removed exactly and the
 * whole object stays plain JSON for IndexedDB.
 */
import { z } from 'zod';
import { COUNT_FAMILIES, extractFeatures, type TextFeatures } from './features';
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
  };
}

function adjust(map: Record<string, number>, key: string, delta: number): void {
  const next = (map[key] ?? 0) + delta;
  if (next > 0) map[key] = next;
  else if (next === 0) delete map[key];
  else throw new Error(`Removing a sample that was never added (count of "${key}" would be negative)`);
}

function applyFeatures(
  fingerprint: StyleFingerprint,
  features: TextFeatures,
  vocabulary: StyleVocabulary,
  sign: 1 | -1,
): StyleFingerprint {
  if (fingerprint.vocabulary !== vocabulary.id) {
    throw new Error(`Fingerprint uses vocabulary ${fingerprint.vocabulary}, not ${vocabulary.id}: rebuild it from its samples`);
  }
  const counts = { ...fingerprint.counts };
  for (const [key, n] of features.counts) {
    if (vocabulary.keys.has(key)) adjust(counts, key, sign * n);
  }
  const statistics = { ...fingerprint.statistics };
  for (const [name, ratio] of Object.entries(features.statistics)) {
    const previous = statistics[name] ?? { num: 0, den: 0 };
    const next = { num: previous.num + sign * ratio.num, den: previous.den + sign * ratio.den };
    if (next.num === 0 && next.den === 0) delete statistics[name];
    else statistics[name] = next;
  }
  const greetings = { ...fingerprint.greetings };
  if (features.greeting !== null) adjust(greetings, features.greeting, sign);
  const closings = { ...fingerprint.closings };
  if (features.closing !== null) adjust(closings, features.closing, sign);
  const totals = { ...fingerprint.totals };
  for (const family of COUNT_FAMILIES) totals[family] += sign * features.totals[family];
  return {
    format: 1,
    vocabulary: fingerprint.vocabulary,
    samples: fingerprint.samples + sign,
    words: fingerprint.words + sign * features.wordCount,
    totals,
    counts,
    statistics,
    greetings,
    closings,
  };
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

export function fingerprintOf(texts: readonly string[], vocabulary: StyleVocabulary): StyleFingerprint {
  return texts.reduce((fp, text) => addSample(fp, text, vocabulary), emptyFingerprint(vocabulary));
}
