/**
 * Turns a fingerprint's counts into one unit vector per feature family, each feature z-scored
 * against the reference population (Cosine Delta: Smith & Aldridge 2011, Evert et al. 2017), so
 * that the cosine of two vectors compares habits relative to how writers in general behave.
 * Ratio statistics (sentence, paragraph and line lengths, punctuation rates) depend on how long
 * the texts are, so they are z-scored against what the reference writers show in texts of the
 * same length: a 30-word message is compared with short texts, not with long mails.
 */
import { COUNT_FAMILIES, type CountFamily } from './features';
import type { StyleFingerprint } from './fingerprint';

export const VECTOR_FAMILIES = [...COUNT_FAMILIES, 'statistics'] as const;
export type VectorFamily = (typeof VECTOR_FAMILIES)[number];

/** The two text lengths the reference population covers: short messages and full mails. */
export const LENGTH_CONDITIONS = ['short', 'long'] as const;
export type LengthCondition = (typeof LENGTH_CONDITIONS)[number];

export interface Moments {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
}

/** Per feature, `intercept + slope * ln(words per text)`. */
export interface LengthTrend {
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
}

export interface FeatureSpace {
  /** Features of each family, in vector order (count families are keyed `family:feature`). */
  readonly features: Readonly<Record<VectorFamily, readonly string[]>>;
  /** Mean and standard deviation of each count feature's per-text rate in the reference population. */
  readonly counts: Readonly<Record<CountFamily, Moments>>;
  /** Mean and standard deviation of each statistic in reference texts, by text length. */
  readonly statistics: { readonly mean: LengthTrend; readonly sd: LengthTrend };
  /** Typical words per text of each length condition in the reference population. */
  readonly typicalWords: Readonly<Record<LengthCondition, number>>;
  /** Words per text of the shortest and the longest reference texts. */
  readonly wordRange: { readonly min: number; readonly max: number };
}

export type StyleVectors = Readonly<Record<VectorFamily, Float64Array>>;

/**
 * Where a fingerprint's texts sit between the short (0) and the long (1) reference texts, by
 * their mean word count on a log scale.
 */
export function lengthPosition(fp: Pick<StyleFingerprint, 'words' | 'samples'>, space: Pick<FeatureSpace, 'typicalWords'>): number {
  if (fp.samples === 0 || fp.words === 0) return 0;
  const { short, long } = space.typicalWords;
  const position = Math.log(fp.words / fp.samples / short) / Math.log(long / short);
  return Math.min(1, Math.max(0, position));
}

/**
 * Largest z-score one feature may have: in a short text a single rare word is a large deviation,
 * and without a bound that one word would decide the direction of the whole vector.
 */
const MAX_FEATURE_Z = 3;

function clip(z: number): number {
  return Math.max(-MAX_FEATURE_Z, Math.min(MAX_FEATURE_Z, z));
}

function normalise(v: Float64Array): Float64Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

function countVector(fp: StyleFingerprint, family: CountFamily, space: FeatureSpace): Float64Array {
  const keys = space.features[family];
  const { mean, sd } = space.counts[family];
  const total = fp.totals[family];
  const v = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if (total === 0) continue;
    const rate = (fp.counts[keys[i]!] ?? 0) / total;
    // The rate of a short text is noisy (Poisson): a rare n-gram seen once in 40 words is mostly
    // chance, so its deviation counts against the population spread plus that sampling noise.
    v[i] = clip((rate - mean[i]!) / Math.sqrt(sd[i]! * sd[i]! + mean[i]! / total));
  }
  return normalise(v);
}

function statisticsVector(fp: StyleFingerprint, space: FeatureSpace): Float64Array {
  const names = space.features.statistics;
  const { mean, sd } = space.statistics;
  // The trends were fitted on texts within wordRange; beyond it they are not extrapolated.
  const words = Math.min(space.wordRange.max, Math.max(space.wordRange.min, fp.words / Math.max(1, fp.samples)));
  const logWords = Math.log(words);
  const v = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const ratio = fp.statistics[names[i]!];
    // A rate with no denominator (no sentences, no capital letters...) carries no evidence.
    if (ratio === undefined || ratio.den === 0) continue;
    const expected = mean.intercept[i]! + mean.slope[i]! * logWords;
    v[i] = clip((ratio.num / ratio.den - expected) / (sd.intercept[i]! + sd.slope[i]! * logWords));
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
