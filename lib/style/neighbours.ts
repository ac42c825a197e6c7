/**
 * The reference writers nearest to a text, and the yardstick they make. A text is z-scored
 * against writers like it (its genre, its register) rather than one global mean, so that the
 * offset every speech or every chat line shares cancels out and what is left is the writer's own.
 */
import { COUNT_FAMILIES, type CountFamily } from './features';
import type { ReferenceWriter } from './reference';
import type { CountYardstick, FamilyVector, StyleVectors, Yardstick } from './vectors';

/** Reference fingerprints whose rates make a text's local yardstick. */
export const NEIGHBOURHOOD_SIZE = 30;
/** The nearest of those, whose similarity to the text is what a stranger's would be (the cohort). */
export const COHORT_SIZE = 20;
/**
 * Pseudo-writers of the global yardstick mixed into the local one: forty writers estimate a rare
 * feature's spread badly, and a spread of zero would make one occurrence decisive.
 */
const SHRINKAGE = 8;

/**
 * What finds the writers nearest to a text: its globally normalised vectors cut to the leading
 * (commonest) features, which say what kind of writing it is, each scaled to unit length. Every
 * reference writer knows these features, and comparing them alone keeps the search cheap.
 */
const LOCATOR_FEATURES = { char: 1000, word: 300, statistics: Infinity } as const;
export type Locator = Readonly<Record<keyof typeof LOCATOR_FEATURES, Float64Array>>;

export function locatorOf(v: StyleVectors): Locator {
  const unit = (f: FamilyVector, limit: number) => {
    const out = f.values.slice(0, Math.min(limit, f.known));
    let norm = 0;
    for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
    if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= Math.sqrt(norm);
    return out;
  };
  return { char: unit(v.char, LOCATOR_FEATURES.char), word: unit(v.word, LOCATOR_FEATURES.word), statistics: unit(v.statistics, LOCATOR_FEATURES.statistics) };
}

function dot(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

function resemblance(a: Locator, b: Locator): number {
  return dot(a.char, b.char) + dot(a.word, b.word) + dot(a.statistics, b.statistics);
}

/** The `count` reference fingerprints most like the text, nearest first, leaving out `excluded` writers. */
export function nearestWriters(
  text: StyleVectors,
  writers: readonly ReferenceWriter[],
  excluded: ReadonlySet<string>,
  count: number = NEIGHBOURHOOD_SIZE,
): ReferenceWriter[] {
  const locator = locatorOf(text);
  const scored: { w: ReferenceWriter; s: number }[] = [];
  for (const w of writers) if (!excluded.has(w.writer)) scored.push({ w, s: resemblance(locator, w.locator) });
  return scored
    .sort((a, b) => b.s - a.s)
    .slice(0, count)
    .map(({ w }) => w);
}

function localCounts(neighbours: readonly ReferenceWriter[], family: CountFamily, global: CountYardstick): CountYardstick {
  const size = global.mean.length;
  const sum = new Float64Array(size);
  const squares = new Float64Array(size);
  const n = new Float64Array(size);
  for (const w of neighbours) {
    const r = w.rates.counts[family];
    const known = w.rates.known[family];
    for (let i = 0; i < known; i++) {
      const x = r[i]!;
      sum[i]! += x;
      squares[i]! += x * x;
      n[i]!++;
    }
  }
  const mean = new Float64Array(size);
  const variance = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const m = (sum[i]! + SHRINKAGE * global.mean[i]!) / (n[i]! + SHRINKAGE);
    mean[i] = m;
    // Squared deviations from the shrunk mean, expanded so that one pass over the writers serves.
    const deviations = squares[i]! - 2 * m * sum[i]! + n[i]! * m * m;
    variance[i] = (deviations + SHRINKAGE * global.variance[i]!) / (n[i]! + SHRINKAGE);
  }
  return { mean, variance };
}

/** Means and spreads of the neighbours, drawn towards the global ones where they are few. */
export function localYardstick(neighbours: readonly ReferenceWriter[], global: Yardstick): Yardstick {
  const counts = {} as Record<CountFamily, CountYardstick>;
  for (const family of COUNT_FAMILIES) counts[family] = localCounts(neighbours, family, global.counts[family]);
  return { counts };
}
