/**
 * Samples that do not sound like the rest of their profile (a pasted article, a message written
 * for someone else), found by scoring each sample against the profile without it.
 */
import { fingerprintOf, removeSample } from './fingerprint';
import type { StyleReference } from './reference';
import { scoreText } from './score';

/**
 * A leave-one-out score below this (out of 100) means "probably not the same writer". Since rare
 * word pieces count, a writer's own mails among nine of theirs score a median of 95 (a tenth
 * under 73), and a stranger's mail among them 35-61 (the dev set, each writer with another's
 * first mail), so the line sits just above the strangers.
 */
export const DEFAULT_OUTLIER_THRESHOLD = 62;

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
