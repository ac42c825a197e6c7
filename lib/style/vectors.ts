/**
 * Turns a fingerprint's counts into one unit vector per feature family, each feature z-scored
 * against the reference population (Cosine Delta: Smith & Aldridge 2011, Evert et al. 2017), so
 * that the cosine of two vectors compares habits relative to how writers in general behave.
 */
import { COUNT_FAMILIES, type CountFamily } from './features';
import type { StyleFingerprint } from './fingerprint';

export const VECTOR_FAMILIES = [...COUNT_FAMILIES, 'statistics'] as const;
export type VectorFamily = (typeof VECTOR_FAMILIES)[number];

export interface FeatureSpace {
  /** Features of each family, in vector order (count families are keyed `family:feature`). */
  readonly features: Readonly<Record<VectorFamily, readonly string[]>>;
  /** Mean and standard deviation of each feature's per-text rate in the reference population. */
  readonly mean: Readonly<Record<VectorFamily, Float64Array>>;
  readonly sd: Readonly<Record<VectorFamily, Float64Array>>;
}

export type StyleVectors = Readonly<Record<VectorFamily, Float64Array>>;

function normalise(v: Float64Array): Float64Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

function countVector(fp: StyleFingerprint, family: CountFamily, space: FeatureSpace): Float64Array {
  const keys = space.features[family];
  const mean = space.mean[family];
  const sd = space.sd[family];
  const total = fp.totals[family];
  const v = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const rate = total > 0 ? (fp.counts[keys[i]!] ?? 0) / total : mean[i]!;
    v[i] = (rate - mean[i]!) / sd[i]!;
  }
  return normalise(v);
}

function statisticsVector(fp: StyleFingerprint, space: FeatureSpace): Float64Array {
  const names = space.features.statistics;
  const v = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const ratio = fp.statistics[names[i]!];
    // A rate with no denominator (no sentences, no capital letters...) carries no evidence.
    if (ratio === undefined || ratio.den === 0) continue;
    v[i] = (ratio.num / ratio.den - space.mean.statistics[i]!) / space.sd.statistics[i]!;
  }
  return normalise(v);
}

export function styleVectors(fp: StyleFingerprint, space: FeatureSpace): StyleVectors {
  return {
    char: countVector(fp, 'char', space),
    word: countVector(fp, 'word', space),
    bigram: countVector(fp, 'bigram', space),
    statistics: statisticsVector(fp, space),
  };
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
