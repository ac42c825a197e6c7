/**
 * Local, deterministic stylometric verifier: a profile's fingerprint, kept up to date sample by
 * sample, and a 0-100 "sounds like you" score calibrated against the shipped reference writers
 * of many genres.
 */
import { findOutlierSamples as findOutliersWith, type OutlierSample } from './outliers';
import { distanceBetweenStylePoints, styleDistance as styleDistanceWith, stylePointOf as stylePointWith, type StylePoint } from './distance';
import {
  addSample as addSampleWith,
  emptyFingerprint,
  fingerprintOf,
  removeSample as removeSampleWith,
  type StyleFingerprint,
} from './fingerprint';
import { scoreText as scoreTextWith, type StyleScore } from './score';
import { shippedReference } from './shipped';

export { styleFingerprintSchema, type StyleFingerprint } from './fingerprint';
export { MIN_WORDS, ROUGH_BELOW_SAMPLES, ROUGH_BELOW_WORDS, type RoughGuess, type StyleEvidence, type StyleScore } from './score';
export { DEFAULT_OUTLIER_THRESHOLD, MIN_SAMPLES_FOR_OUTLIERS, type OutlierSample } from './outliers';
export { shippedReference } from './shipped';

export function emptyStyleFingerprint(): StyleFingerprint {
  return emptyFingerprint(shippedReference().vocabulary);
}

export function styleFingerprintOf(samples: readonly string[]): StyleFingerprint {
  return fingerprintOf(samples, shippedReference().vocabulary);
}

export function addStyleSample(fingerprint: StyleFingerprint, text: string): StyleFingerprint {
  return addSampleWith(fingerprint, text, shippedReference().vocabulary);
}

export function removeStyleSample(fingerprint: StyleFingerprint, text: string): StyleFingerprint {
  return removeSampleWith(fingerprint, text, shippedReference().vocabulary);
}

/** False when the fingerprint was built over another reference vocabulary and must be rebuilt from its samples. */
export function isFingerprintCurrent(fingerprint: StyleFingerprint): boolean {
  return fingerprint.vocabulary === shippedReference().vocabulary.id;
}

export function scoreStyle(text: string, profile: StyleFingerprint): StyleScore {
  return scoreTextWith(text, profile, shippedReference());
}

export function findOutlierSamples(samples: readonly string[], threshold?: number): OutlierSample[] {
  return findOutliersWith(samples, shippedReference(), threshold);
}

export function styleDistance(a: string, b: string): number {
  return styleDistanceWith(a, b, shippedReference());
}

export type { StylePoint };

/** A text's habits, computed once, for many cheap distances (choosing varied samples). */
export function stylePointOf(text: string): StylePoint {
  return stylePointWith(text, shippedReference());
}

export function distanceBetween(a: StylePoint, b: StylePoint): number {
  return distanceBetweenStylePoints(a, b, shippedReference());
}
