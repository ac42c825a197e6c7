/**
 * "Sounds like you": how much more a text resembles a profile than it resembles the reference
 * writers. Each feature family's cosine to the profile is standardised against the same text's
 * cosines to every reference writer (test normalisation, as in speaker verification and the
 * impostors method of Koppel & Winter 2014), greeting and sign-off habits add a log-likelihood
 * ratio, and weights fitted on the reference population, for short and long profiles and queries,
 * turn the evidence into log-odds of "same writer" at even prior. The score is that probability as an integer percentage.
 */
import { extractFeatures } from './features';
import { addFeatures, emptyFingerprint, type StyleFingerprint } from './fingerprint';
import type { Calibration, HabitCounts, SingleCalibration, StyleReference } from './reference';
import {
  VECTOR_FAMILIES,
  dot,
  lengthPosition,
  styleVectors,
  type LengthCondition,
  type StyleVectors,
  type VectorFamily,
} from './vectors';

/** Below this many words a text says too little about style to score. */
export const MIN_WORDS = 15;

export const EVIDENCE_FAMILIES = [...VECTOR_FAMILIES, 'habits'] as const;
export type StyleEvidence = Readonly<Record<(typeof EVIDENCE_FAMILIES)[number], number>>;

export type StyleScore =
  | { readonly score: number; readonly logOdds: number; readonly evidence: StyleEvidence }
  | { readonly score: null; readonly reason: 'too-short' | 'empty-profile' | 'outdated-profile' };

const profileVectorCache = new WeakMap<StyleReference, WeakMap<StyleFingerprint, StyleVectors>>();

export function vectorsOf(fp: StyleFingerprint, reference: StyleReference): StyleVectors {
  let cache = profileVectorCache.get(reference);
  if (cache === undefined) {
    cache = new WeakMap();
    profileVectorCache.set(reference, cache);
  }
  let vectors = cache.get(fp);
  if (vectors === undefined) {
    vectors = styleVectors(fp, reference.space);
    cache.set(fp, vectors);
  }
  return vectors;
}

/** Share of reference texts, as long as the scored one, that open (or close) with this line. */
function populationRate(line: string | null, kind: 'greeting' | 'closing', habits: StyleReference['habits'], long: number): number {
  const rate = (h: HabitCounts) => {
    const withLine = kind === 'greeting' ? h.withGreeting : h.withClosing;
    const lines = kind === 'greeting' ? h.greetings : h.closings;
    const count = line === null ? h.texts - withLine : (lines[line] ?? 0);
    return (count + 0.5) / (h.texts + 1);
  };
  return (1 - long) * rate(habits.short) + long * rate(habits.long);
}

/** Log-likelihood ratio of a text's opening (or closing) line under the profile vs. the population. */
function habitRatio(line: string | null, profile: Readonly<Record<string, number>>, samples: number, prior: number): number {
  const profileWith = Object.values(profile).reduce((a, b) => a + b, 0);
  const profileCount = line === null ? samples - profileWith : (profile[line] ?? 0);
  // Two pseudo-samples from the population keep a few samples from claiming certainty.
  const pseudo = 2;
  return Math.log((profileCount + pseudo * prior) / (samples + pseudo) / prior);
}

function habitEvidence(text: StyleFingerprint, profile: StyleFingerprint, reference: StyleReference): number {
  const long = lengthPosition(text, reference.space);
  const greeting = Object.keys(text.greetings)[0] ?? null;
  const closing = Object.keys(text.closings)[0] ?? null;
  return (
    habitRatio(greeting, profile.greetings, profile.samples, populationRate(greeting, 'greeting', reference.habits, long)) +
    habitRatio(closing, profile.closings, profile.samples, populationRate(closing, 'closing', reference.habits, long))
  );
}

/**
 * Beyond this many standard deviations a family's evidence grows ever more slowly, so that no
 * single family (say, sentence lengths that happen to match) can decide the score on its own.
 */
export const EVIDENCE_CAP = 3;

function softCap(x: number): number {
  return EVIDENCE_CAP * Math.tanh(x / EVIDENCE_CAP);
}

interface CohortMoments {
  n: number;
  sum: number;
  sumSq: number;
}

function standardised(similarity: number, m: CohortMoments): number {
  const mean = m.sum / m.n;
  const sd = Math.sqrt(Math.max(m.sumSq / m.n - mean * mean, 1e-6));
  return (similarity - mean) / sd;
}

/**
 * The evidence that `text` (a one-sample fingerprint) was written by the profile's writer.
 * Each family's similarity is standardised against the reference writers' fingerprints whose
 * texts are as long as the profile's (impostors in the same condition as the claimed writer).
 * `excludedWriters` keeps reference writers out of the comparison (used when the text or the
 * profile belongs to one of them, as when fitting the calibration).
 */
export function styleEvidence(
  text: StyleFingerprint,
  profile: StyleFingerprint,
  reference: StyleReference,
  excludedWriters: ReadonlySet<string> = new Set(),
): StyleEvidence {
  const t = styleVectors(text, reference.space);
  const p = vectorsOf(profile, reference);
  const profileLong = lengthPosition(profile, reference.space);
  const evidence = {
    habits: softCap(habitEvidence(text, profile, reference)),
  } as Record<VectorFamily | 'habits', number>;
  for (const family of VECTOR_FAMILIES) {
    const cohorts: Record<LengthCondition, CohortMoments> = { short: { n: 0, sum: 0, sumSq: 0 }, long: { n: 0, sum: 0, sumSq: 0 } };
    for (const writer of reference.writers) {
      if (excludedWriters.has(writer.writer)) continue;
      const s = dot(t[family], writer.vectors[family]);
      const cohort = cohorts[writer.condition];
      cohort.n++;
      cohort.sum += s;
      cohort.sumSq += s * s;
    }
    const similarity = dot(t[family], p[family]);
    evidence[family] = softCap(
      (1 - profileLong) * standardised(similarity, cohorts.short) + profileLong * standardised(similarity, cohorts.long),
    );
  }
  return evidence;
}

/** The calibration for a profile and a query of these length positions (0 short, 1 long), interpolated. */
export function calibrationAt(calibration: Calibration, profileLong: number, queryLong: number): SingleCalibration {
  const corners = [
    { c: calibration.short.short, w: (1 - profileLong) * (1 - queryLong) },
    { c: calibration.short.long, w: (1 - profileLong) * queryLong },
    { c: calibration.long.short, w: profileLong * (1 - queryLong) },
    { c: calibration.long.long, w: profileLong * queryLong },
  ];
  const weights = { char: 0, word: 0, bigram: 0, statistics: 0, habits: 0 };
  let bias = 0;
  for (const { c, w } of corners) {
    bias += w * c.bias;
    for (const family of EVIDENCE_FAMILIES) weights[family] += w * c.weights[family];
  }
  return { bias, weights };
}

export function logOddsOf(evidence: StyleEvidence, calibration: SingleCalibration): number {
  let logOdds = calibration.bias;
  for (const family of EVIDENCE_FAMILIES) logOdds += calibration.weights[family] * evidence[family];
  return logOdds;
}

export function scoreFromLogOdds(logOdds: number): number {
  return Math.round(100 / (1 + Math.exp(-logOdds)));
}

/** Scores a text against a profile; null (with the reason) when there is too little to go on. */
export function scoreText(text: string, profile: StyleFingerprint, reference: StyleReference): StyleScore {
  if (profile.vocabulary !== reference.vocabulary.id) return { score: null, reason: 'outdated-profile' };
  if (profile.samples === 0) return { score: null, reason: 'empty-profile' };
  const features = extractFeatures(text);
  if (features.wordCount < MIN_WORDS) return { score: null, reason: 'too-short' };
  const single = addFeatures(emptyFingerprint(reference.vocabulary), features, reference.vocabulary);
  const evidence = styleEvidence(single, profile, reference);
  const calibration = calibrationAt(reference.calibration, lengthPosition(profile, reference.space), lengthPosition(single, reference.space));
  const logOdds = logOddsOf(evidence, calibration);
  return { score: scoreFromLogOdds(logOdds), logOdds, evidence };
}
