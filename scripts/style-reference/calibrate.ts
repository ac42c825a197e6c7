/**
 * Fits the calibration: the weights that turn each family's evidence into log-odds of "same
 * writer", on the reference writers themselves. A writer's first texts are a profile, texts from
 * its other texts are positive queries, other writers' profiles give the negatives; the writers
 * involved are left out of the comparison set. Sign-offs are stripped first, since they give a
 * writer away in e-mail and are at chance everywhere else.
 */
import { shortChunks } from '../../lib/style/chunks';
import { extractFeatures } from '../../lib/style/features';
import { fingerprintOf } from '../../lib/style/fingerprint';
import type { Calibration, FamilyWeights, SingleCalibration, StyleReference } from '../../lib/style/reference';
import { EVIDENCE_CAP, EVIDENCE_FAMILIES, scoredText, styleEvidence } from '../../lib/style/score';
import { stripSignoff } from '../../lib/style/text';
import { LENGTH_CONDITIONS, lengthPosition, type LengthCondition } from '../../lib/style/vectors';

/** A reference writer's texts, oldest first. */
export interface WriterTexts {
  readonly writer: string;
  /** The corpus file the writer comes from: negatives are drawn from the same one. */
  readonly source: string;
  readonly texts: readonly string[];
}

/** Profile sizes the calibration is fitted on, so it holds for small and grown profiles. */
const PROFILE_SIZES = [4, 7] as const;
const QUERIES_PER_WRITER = 4;
const NEGATIVES_PER_QUERY = 6;
/** Reference short texts are cut to this range: the short messages the product sees. */
export const SHORT_RANGE = { min: 20, max: 80 } as const;
/** Bigger weights would let one family's capped evidence move the log-odds more than this on its own. */
export const MAX_FAMILY_LOG_ODDS = 4;
/**
 * Greeting and sign-off habits get a tighter bound: a matching "Cheers, Dan" is strong evidence
 * in e-mail and none elsewhere, and the calibration texts (sign-offs stripped) can hardly tell.
 */
const MAX_HABITS_LOG_ODDS = 2;

interface CalibrationCase {
  readonly writer: string;
  readonly source: string;
  readonly profile: readonly string[];
  readonly queries: readonly string[];
}

/** Units of a writer's texts of one length: whole texts, or short chunks cut from them (by text). */
function unitsOf(texts: readonly string[], condition: LengthCondition): string[][] {
  return texts.map((t) => (condition === 'long' ? [t] : shortChunks(t, SHORT_RANGE)));
}

function caseOf(w: WriterTexts, k: number, profile: LengthCondition, query: LengthCondition): CalibrationCase | null {
  const texts = w.texts.map(stripSignoff);
  const profileUnits = unitsOf(texts, profile);
  const chosen: string[] = [];
  let used = 0;
  while (chosen.length < k && used < profileUnits.length) chosen.push(...profileUnits[used++]!);
  if (chosen.length < k) return null;
  // Queries come from texts that gave the profile nothing, one unit per text.
  const queries = unitsOf(texts.slice(used), query).flatMap((units) => units.slice(0, 1)).slice(0, QUERIES_PER_WRITER);
  return queries.length === 0 ? null : { writer: w.writer, source: w.source, profile: chosen.slice(0, k), queries };
}

/** Weight of each calibration corner (`[profile][query]`) for a pair at these length positions. */
function cornerWeights(profileLong: number, queryLong: number): number[] {
  return [(1 - profileLong) * (1 - queryLong), (1 - profileLong) * queryLong, profileLong * (1 - queryLong), profileLong * queryLong];
}

const CORNERS = LENGTH_CONDITIONS.flatMap((p) => LENGTH_CONDITIONS.map((q) => [p, q] as const));

/**
 * One logistic fit over all pairs, each pair's evidence spread over the four corners by how
 * near its profile and query lengths sit to each: so forum writers' naturally short texts count
 * as short however they were cut.
 */
export function fitCalibration(reference: StyleReference, writers: readonly WriterTexts[], log: (line: string) => void): Calibration {
  const next = random(20020101);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const k of PROFILE_SIZES) {
    for (const [profileCondition, queryCondition] of CORNERS) {
      const cases = writers.flatMap((w) => caseOf(w, k, profileCondition, queryCondition) ?? []);
      const profiles = cases.map((c) => fingerprintOf(c.profile, reference.vocabulary));
      cases.forEach((c, i) => {
        // Other writers of the same kind of text: strangers of another genre are easy to tell
        // apart, and a calibration fitted on them would call every same-genre stranger "you".
        const strangers = cases.flatMap((other, j) => (other.source === c.source && j !== i ? [j] : []));
        for (const query of c.queries) {
          const single = scoredText(extractFeatures(query), reference.vocabulary);
          const add = (j: number, label: number) => {
            const e = styleEvidence(single, profiles[j]!, reference, new Set([c.writer, cases[j]!.writer]));
            const corners = cornerWeights(lengthPosition(profiles[j]!, reference.space), lengthPosition(single.fingerprint, reference.space));
            rows.push([...corners.slice(1), ...corners.flatMap((cw) => EVIDENCE_FAMILIES.map((f) => cw * e[f]))]);
            labels.push(label);
          };
          add(i, 1);
          for (let n = 0; n < Math.min(NEGATIVES_PER_QUERY, strangers.length); n++) add(strangers[Math.floor(next() * strangers.length)]!, 0);
        }
      });
      log(`k = ${k}, ${profileCondition} profiles, ${queryCondition} queries: ${cases.length} writers`);
    }
  }
  const maxWeight = (family: (typeof EVIDENCE_FAMILIES)[number]) => (family === 'habits' ? MAX_HABITS_LOG_ODDS : MAX_FAMILY_LOG_ODDS) / EVIDENCE_CAP;
  const bounds = [null, null, null, ...CORNERS.flatMap(() => EVIDENCE_FAMILIES.map(maxWeight))];
  const { intercept, weights } = fitBounded(rows, labels, bounds);
  log(`calibration fitted on ${labels.filter((y) => y === 1).length} positive and ${labels.filter((y) => y === 0).length} negative pairs`);
  const corner = (c: number): SingleCalibration => ({
    bias: round(intercept + (c === 0 ? 0 : weights[c - 1]!), 4),
    weights: Object.fromEntries(EVIDENCE_FAMILIES.map((f, j) => [f, round(weights[3 + c * EVIDENCE_FAMILIES.length + j]!, 4)])) as FamilyWeights,
  });
  return { short: { short: corner(0), long: corner(1) }, long: { short: corner(2), long: corner(3) } };
}

/**
 * Logistic weights, those with a bound between 0 and it. Evidence that the text is closer to the
 * profile must never count against it: a bounded column that gets a negative weight (collinear
 * with the others) is dropped; one that exceeds its bound is held at it; the rest are refitted.
 */
function fitBounded(rows: readonly number[][], labels: readonly number[], bounds: readonly (number | null)[]): { intercept: number; weights: number[] } {
  const fixed: (number | null)[] = bounds.map(() => null);
  for (;;) {
    const free = fixed.flatMap((f, j) => (f === null ? [j] : []));
    const offsets = rows.map((row) => fixed.reduce<number>((s, f, j) => s + (f ?? 0) * row[j]!, 0));
    const w = fitLogistic(rows.map((row) => free.map((j) => row[j]!)), labels, offsets);
    const weights = fixed.map((f, j) => f ?? w[1 + free.indexOf(j)]!);
    const negative = weights.findIndex((x, j) => fixed[j] === null && bounds[j] !== null && x < 0);
    if (negative >= 0) {
      fixed[negative] = 0;
      continue;
    }
    const over = weights.findIndex((x, j) => fixed[j] === null && bounds[j] !== null && x > bounds[j]!);
    if (over < 0) return { intercept: w[0]!, weights };
    fixed[over] = bounds[over]!;
  }
}

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a rebuild gives the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Class-balanced L2-regularised logistic regression by Newton's method; `offsets` is a fixed term
 * added to each row's log-odds (the contribution of weights held fixed).
 */
function fitLogistic(rows: readonly number[][], labels: readonly number[], offsets: readonly number[]): number[] {
  const d = rows[0]!.length + 1;
  const w = new Array<number>(d).fill(0);
  const positives = labels.filter((y) => y === 1).length;
  const weightOf = (y: number) => (y === 1 ? labels.length / (2 * positives) : labels.length / (2 * (labels.length - positives)));
  const lambda = 1;
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wi, j) => (j === 0 ? 0 : lambda * wi));
    const hessian = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    rows.forEach((row, r) => {
      const x = [1, ...row];
      const z = x.reduce((s, xi, j) => s + xi * w[j]!, offsets[r]!);
      const p = 1 / (1 + Math.exp(-z));
      const c = weightOf(labels[r]!);
      for (let i = 0; i < d; i++) {
        gradient[i]! += c * (p - labels[r]!) * x[i]!;
        for (let j = 0; j < d; j++) hessian[i]![j]! += c * p * (1 - p) * x[i]! * x[j]!;
      }
    });
    const step = solve(hessian, gradient);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-8) break;
  }
  return w;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

