/** A cheap style distance between two texts, for picking samples that differ from each other. */
import { fingerprintOf } from './fingerprint';
import type { StyleReference } from './reference';
import { VECTOR_FAMILIES, dot, styleVectors } from './vectors';

/**
 * 0 for texts with identical habits, up to 2 for opposite ones: one minus the cosine of the
 * z-scored feature vectors, averaged over feature families with the calibration's weights.
 */
export function styleDistance(a: string, b: string, reference: StyleReference): number {
  const va = styleVectors(fingerprintOf([a], reference.vocabulary), reference.space);
  const vb = styleVectors(fingerprintOf([b], reference.vocabulary), reference.space);
  let weighted = 0;
  let total = 0;
  for (const family of VECTOR_FAMILIES) {
    const w = reference.calibration.weights[family];
    weighted += w * (1 - dot(va[family], vb[family]));
    total += w;
  }
  return total > 0 ? Math.max(0, weighted / total) : 1;
}
