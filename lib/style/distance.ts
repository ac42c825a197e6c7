/** A cheap style distance between two texts, for picking samples that differ from each other. */
import { fingerprintOf } from './fingerprint';
import type { StyleReference } from './reference';
import { calibrationAt } from './score';
import { VECTOR_FAMILIES, dot, lengthPosition, styleVectors } from './vectors';

/**
 * 0 for texts with identical habits, up to 2 for opposite ones: one minus the cosine of the
 * z-scored feature vectors, averaged over feature families with the calibration's weights for
 * texts of these lengths.
 */
export function styleDistance(a: string, b: string, reference: StyleReference): number {
  const fa = fingerprintOf([a], reference.vocabulary);
  const fb = fingerprintOf([b], reference.vocabulary);
  const va = styleVectors(fa, reference.space);
  const vb = styleVectors(fb, reference.space);
  const { weights } = calibrationAt(reference.calibration, lengthPosition(fa, reference.space), lengthPosition(fb, reference.space));
  let weighted = 0;
  let total = 0;
  for (const family of VECTOR_FAMILIES) {
    weighted += weights[family] * (1 - dot(va[family], vb[family]));
    total += weights[family];
  }
  return total > 0 ? Math.max(0, weighted / total) : 1;
}
