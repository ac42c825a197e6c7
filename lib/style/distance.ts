/** A cheap style distance between two texts, for picking samples that differ from each other. */
import { fingerprintOf } from './fingerprint';
import type { StyleReference } from './reference';
import { calibrationAt } from './score';
import { VECTOR_FAMILIES, cosine, lengthPosition, ratesOf, vectorsAgainst, type StyleVectors } from './vectors';

/** One text's habits, computed once so that many distances can be taken cheaply. */
export interface StylePoint {
  readonly vectors: StyleVectors;
  readonly lengthPosition: number;
}

export function stylePointOf(text: string, reference: StyleReference): StylePoint {
  const fingerprint = fingerprintOf([text], reference.vocabulary);
  const vectors = vectorsAgainst(ratesOf(fingerprint, reference.space), reference.global, reference.space);
  return { vectors, lengthPosition: lengthPosition(fingerprint, reference.space) };
}

/**
 * 0 for texts with identical habits, up to 2 for opposite ones: one minus the cosine of the
 * feature vectors z-scored against the whole reference, averaged over feature families with the calibration's weights for
 * texts of these lengths.
 */
export function distanceBetweenStylePoints(a: StylePoint, b: StylePoint, reference: StyleReference): number {
  const { weights } = calibrationAt(reference.calibration, a.lengthPosition, b.lengthPosition);
  let weighted = 0;
  let total = 0;
  for (const family of VECTOR_FAMILIES) {
    weighted += weights[family] * (1 - cosine(a.vectors[family], b.vectors[family]));
    total += weights[family];
  }
  return total > 0 ? Math.max(0, weighted / total) : 1;
}

export function styleDistance(a: string, b: string, reference: StyleReference): number {
  return distanceBetweenStylePoints(stylePointOf(a, reference), stylePointOf(b, reference), reference);
}
