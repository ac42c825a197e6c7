/**
 * Turns a fingerprint into per-family rates, and rates into z-scored vectors (Cosine Delta:
 * Smith & Aldridge 2011, Evert et al. 2017), so that the cosine of two vectors compares habits
 * relative to how comparable writers behave. Two normalisations exist:
 * - global: against the whole multi-genre reference, to find which reference writers a text
 *   resembles and for cheap distances between samples;
 * - local: count features against the reference writers nearest to the scored text, so that a
 *   speech is compared with speakers and a chat line with chatters, not everything with e-mail.
 * Ratio statistics (sentence, paragraph and line lengths, punctuation rates) depend on how long
 * the texts are, so they are z-scored against what reference texts of the same length show.
 */
import { COUNT_FAMILIES, type CountFamily } from './features';
import type { StyleFingerprint } from './fingerprint';

export const VECTOR_FAMILIES = [...COUNT_FAMILIES, 'statistics'] as const;
export type VectorFamily = (typeof VECTOR_FAMILIES)[number];

/** The two text lengths the reference population covers: short messages and whole texts. */
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
  /** Mean and standard deviation of each count feature's rate over the reference writers, genres weighted alike. */
  readonly counts: Readonly<Record<CountFamily, Moments>>;
  /** Mean and standard deviation of each statistic in reference texts, by text length. */
  readonly statistics: { readonly mean: LengthTrend; readonly sd: LengthTrend };
  /** Typical words per text of each length condition in the reference population. */
  readonly typicalWords: Readonly<Record<LengthCondition, number>>;
  /** Words per text of the shortest and the longest reference texts. */
  readonly wordRange: { readonly min: number; readonly max: number };
}

/** A fingerprint's feature rates, the raw material of both normalisations. */
export interface StyleRates {
  /** Single precision: the reference writers' rates are most of the verifier's memory. */
  readonly counts: Readonly<Record<CountFamily, Float32Array>>;
  readonly totals: Readonly<Record<CountFamily, number>>;
  /**
   * How many leading features of each family were counted: reference writers fingerprinted over
   * an older, smaller vocabulary know only its prefix, and are compared on that prefix alone.
   */
  readonly known: Readonly<Record<CountFamily, number>>;
  /** Each statistic's value, NaN where it has no denominator (no sentences, no capitals...). */
  readonly statistics: Float64Array;
  /** Mean words per text, within the reference's word range (trends are not extrapolated). */
  readonly wordsPerText: number;
}

/** A z-scored vector of one family with its length; features beyond `known` are zero. */
export interface FamilyVector {
  readonly values: Float64Array;
  readonly known: number;
  readonly norm: number;
}

export type StyleVectors = Readonly<Record<VectorFamily, FamilyVector>>;

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

export function ratesOf(fp: StyleFingerprint, space: FeatureSpace, known?: Readonly<Record<CountFamily, number>>): StyleRates {
  const counts = {} as Record<CountFamily, Float32Array>;
  for (const family of COUNT_FAMILIES) {
    const keys = space.features[family];
    const total = fp.totals[family];
    const v = new Float32Array(keys.length);
    if (total > 0) for (let i = 0; i < keys.length; i++) v[i] = (fp.counts[keys[i]!] ?? 0) / total;
    counts[family] = v;
  }
  const names = space.features.statistics;
  const statistics = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const ratio = fp.statistics[names[i]!];
    statistics[i] = ratio === undefined || ratio.den === 0 ? Number.NaN : ratio.num / ratio.den;
  }
  const words = fp.words / Math.max(1, fp.samples);
  return {
    counts,
    totals: fp.totals,
    known: known ?? { char: space.features.char.length, word: space.features.word.length, bigram: space.features.bigram.length },
    statistics,
    wordsPerText: Math.min(space.wordRange.max, Math.max(space.wordRange.min, words)),
  };
}

/**
 * Largest z-score one feature may have: in a short text a single rare word is a large deviation,
 * and without a bound that one word would decide the direction of the whole vector.
 */
const MAX_FEATURE_Z = 4;

function clip(z: number): number {
  return Math.max(-MAX_FEATURE_Z, Math.min(MAX_FEATURE_Z, z));
}

function vectorOf(values: Float64Array, known: number): FamilyVector {
  let norm = 0;
  for (let i = 0; i < known; i++) norm += values[i]! * values[i]!;
  return { values, known, norm: Math.sqrt(norm) };
}

/** Mean and variance of each count feature's rate, the yardstick one normalisation uses. */
export interface CountYardstick {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

/**
 * The means and spreads count features are z-scored against. Statistics always use the length
 * trends of the whole reference: they depend on how long a text is more than on its genre, and
 * the neighbours of a short text are often writers of long ones.
 */
export interface Yardstick {
  readonly counts: Readonly<Record<CountFamily, CountYardstick>>;
}

function countVector(rates: StyleRates, family: CountFamily, yardstick: CountYardstick): FamilyVector {
  const r = rates.counts[family];
  const known = rates.known[family];
  const total = rates.totals[family];
  const { mean, variance } = yardstick;
  const v = new Float64Array(r.length);
  if (total > 0) {
    for (let i = 0; i < known; i++) {
      // The rate of a short text is noisy (Poisson): a rare n-gram seen once in 40 words is mostly
      // chance, so its deviation counts against the population spread plus that sampling noise.
      v[i] = clip((r[i]! - mean[i]!) / Math.sqrt(variance[i]! + mean[i]! / total));
    }
  }
  return vectorOf(v, total > 0 ? known : 0);
}

export function statisticsVector(rates: StyleRates, space: FeatureSpace): FamilyVector {
  const { mean, sd } = space.statistics;
  const logWords = Math.log(rates.wordsPerText);
  const v = new Float64Array(rates.statistics.length);
  for (let i = 0; i < v.length; i++) {
    const value = rates.statistics[i]!;
    // A rate with no denominator carries no evidence.
    if (Number.isNaN(value)) continue;
    const expected = mean.intercept[i]! + mean.slope[i]! * logWords;
    v[i] = clip((value - expected) / (sd.intercept[i]! + sd.slope[i]! * logWords));
  }
  return vectorOf(v, v.length);
}

export function globalYardstick(space: FeatureSpace): Yardstick {
  const counts = {} as Record<CountFamily, CountYardstick>;
  for (const family of COUNT_FAMILIES) {
    const { mean, sd } = space.counts[family];
    counts[family] = { mean, variance: sd.map((s) => s * s) };
  }
  return { counts };
}

export function vectorsAgainst(rates: StyleRates, yardstick: Yardstick, space: FeatureSpace): StyleVectors {
  return {
    char: countVector(rates, 'char', yardstick.counts.char),
    word: countVector(rates, 'word', yardstick.counts.word),
    bigram: countVector(rates, 'bigram', yardstick.counts.bigram),
    statistics: statisticsVector(rates, space),
  };
}

/**
 * Cosine of a vector with the count vector `rates` would have against `yardstick`, without
 * building that vector: the cohort of every score is compared this way.
 */
export function cosineWithRates(a: FamilyVector, rates: StyleRates, family: CountFamily, yardstick: CountYardstick): number {
  const r = rates.counts[family];
  const total = rates.totals[family];
  const n = Math.min(a.known, rates.known[family]);
  if (total === 0) return 0;
  const { mean, variance } = yardstick;
  let d = 0;
  let normB = 0;
  let normA = 0;
  for (let i = 0; i < n; i++) {
    const z = clip((r[i]! - mean[i]!) / Math.sqrt(variance[i]! + mean[i]! / total));
    d += a.values[i]! * z;
    normB += z * z;
    normA += a.values[i]! * a.values[i]!;
  }
  return normA > 0 && normB > 0 ? d / Math.sqrt(normA * normB) : 0;
}

/**
 * Cosine of two family vectors. When one knows fewer features, the other is cut to the same
 * prefix, so that features one side never counted neither help nor hurt.
 */
export function cosine(a: FamilyVector, b: FamilyVector): number {
  const n = Math.min(a.known, b.known);
  let d = 0;
  for (let i = 0; i < n; i++) d += a.values[i]! * b.values[i]!;
  if (d === 0) return 0;
  const normA = a.known === n && !Number.isNaN(a.norm) ? a.norm : prefixNorm(a.values, n);
  const normB = b.known === n && !Number.isNaN(b.norm) ? b.norm : prefixNorm(b.values, n);
  return normA > 0 && normB > 0 ? d / (normA * normB) : 0;
}

function prefixNorm(values: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]! * values[i]!;
  return Math.sqrt(s);
}
