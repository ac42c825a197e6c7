/**
 * Samples that do not sound like the rest of their profile (a pasted article, a message written
 * for someone else), found by scoring each sample against the profile without it.
 */
import { fingerprintOf, removeSample } from './fingerprint';
import type { StyleReference } from './reference';
import { scoreText } from './score';

/**
 * A leave-one-out score below this (out of 100) means "probably not the same writer": another
 * writer's texts score a median of 20-45, by genre and length, not near 0, and a writer's own
 * whole texts 75-92; with 9,000 character n-grams a stranger's mail among nine of one writer's
 * scores about 50, so the line sits just above even odds.
 */
export const DEFAULT_OUTLIER_THRESHOLD = 55;

/** Below this many samples the rest of the profile is too thin to judge one sample by. */
export const MIN_SAMPLES_FOR_OUTLIERS = 4;

export interface OutlierSample {
  /** Position of the sample in the list given. */
  readonly index: number;
  /** The sample's score against the profile built from all the other samples. */
  readonly score: number;
}

export function findOutlierSamples(
  samples: readonly string[],
  reference: StyleReference,
  threshold: number = DEFAULT_OUTLIER_THRESHOLD,
): OutlierSample[] {
  if (samples.length < MIN_SAMPLES_FOR_OUTLIERS) return [];
  const all = fingerprintOf(samples, reference.vocabulary);
  const outliers: OutlierSample[] = [];
  samples.forEach((text, index) => {
    const result = scoreText(text, removeSample(all, text, reference.vocabulary), reference);
    if (result.score !== null && result.score < threshold) outliers.push({ index, score: result.score });
  });
  return outliers;
}
