/**
 * "Sounds like you": how much more a text resembles a profile than it resembles the reference
 * writers most like it. The text is located among the multi-genre reference writers; the 30
 * nearest make the yardstick both the text and the profile are z-scored against (so a speech is
 * judged against speakers), and each feature family's cosine to the profile is standardised
 * against the text's cosines to the 20 nearest (test normalisation against close impostors, as
 * in speaker verification and the impostors method of Koppel & Winter 2014). Greeting and
 * sign-off habits add a log-likelihood ratio, the rare word pieces the text shares with the
 * profile beyond chance add what the common features cannot see (rare-ngrams.ts), and weights
 * fitted on the reference writers, for
 * short and long profiles and queries, turn the evidence into log-odds of "same writer" at even
 * prior. The score is that probability as an integer percentage.
 */
import { extractFeatures, type TextFeatures } from './features';
import { addFeatures, emptyFingerprint, type StyleFingerprint } from './fingerprint';
import { COHORT_SIZE, localYardstick, nearestWriters } from './neighbours';
import { rareEvidence } from './rare-ngrams';
import type { Calibration, HabitCounts, SingleCalibration, StyleReference, StyleVocabulary } from './reference';
import { VECTOR_FAMILIES, cosine, cosineWithRates, lengthPosition, ratesOf, vectorsAgainst, type StyleRates, type VectorFamily } from './vectors';

/** Below this many words a text says too little about style to score. */
export const MIN_WORDS = 15;

/**
 * Below this many words in the text, or this many samples in the profile, a score is a rough
 * guess: it still ranks writers better than chance, but one text says little (see the README's
 * "Measuring it").
 */
export const ROUGH_BELOW_WORDS = 60;
export const ROUGH_BELOW_SAMPLES = 3;

/** Why a score is only a rough guess. */
export type RoughGuess = 'short-text' | 'small-profile';

export const EVIDENCE_FAMILIES = [...VECTOR_FAMILIES, 'habits', 'rare'] as const;
export type StyleEvidence = Readonly<Record<(typeof EVIDENCE_FAMILIES)[number], number>>;

export type StyleScore =
  | { readonly score: number; readonly logOdds: number; readonly roughGuess: RoughGuess | null; readonly evidence: StyleEvidence }
  | { readonly score: null; readonly reason: 'too-short' | 'empty-profile' | 'outdated-profile' };

const profileRatesCache = new WeakMap<StyleReference, WeakMap<StyleFingerprint, StyleRates>>();

function profileRates(fp: StyleFingerprint, reference: StyleReference): StyleRates {
  let cache = profileRatesCache.get(reference);
  if (cache === undefined) {
    cache = new WeakMap();
    profileRatesCache.set(reference, cache);
  }
  let rates = cache.get(fp);
  if (rates === undefined) {
    rates = ratesOf(fp, reference.space);
    cache.set(fp, rates);
  }
  return rates;
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
export const EVIDENCE_CAP = 6;

function softCap(x: number): number {
  return EVIDENCE_CAP * Math.tanh(x / EVIDENCE_CAP);
}

function standardised(similarity: number, cohort: readonly number[]): number {
  const mean = cohort.reduce((a, b) => a + b, 0) / cohort.length;
  const variance = cohort.reduce((a, b) => a + (b - mean) ** 2, 0) / cohort.length;
  return (similarity - mean) / Math.sqrt(Math.max(variance, 1e-6));
}

/** A text as the score reads it: a fingerprint of it alone, and its rare pieces as counted. */
export interface ScoredText {
  readonly fingerprint: StyleFingerprint;
  readonly pieces: ReadonlyMap<number, number>;
}

export function scoredText(features: TextFeatures, vocabulary: StyleVocabulary): ScoredText {
  // The rare pieces are compared as they were counted: a fingerprint of them would only be read back.
  return { fingerprint: addFeatures(emptyFingerprint(vocabulary), { ...features, rare: new Map() }, vocabulary), pieces: features.rare };
}

/**
 * The evidence that `text` was written by the profile's writer.
 * `excludedWriters` keeps reference writers out of the comparison (used when the text or the
 * profile belongs to one of them, as when fitting the calibration).
 */
export function styleEvidence(
  { fingerprint: text, pieces }: ScoredText,
  profile: StyleFingerprint,
  reference: StyleReference,
  excludedWriters: ReadonlySet<string> = new Set(),
): StyleEvidence {
  const { space } = reference;
  const textRates = ratesOf(text, space);
  const neighbours = nearestWriters(vectorsAgainst(textRates, reference.global, space), reference.writers, excludedWriters);
  const yardstick = localYardstick(neighbours, reference.global);
  const t = vectorsAgainst(textRates, yardstick, space);
  const p = vectorsAgainst(profileRates(profile, reference), yardstick, space);
  const cohort = neighbours.slice(0, COHORT_SIZE);
  const cohortStatistics = cohort.map((w) => w.statistics);
  const evidence = {
    habits: softCap(habitEvidence(text, profile, reference)),
    rare: softCap(rareEvidence(pieces, profile.rare, reference.rare)),
  } as Record<(typeof EVIDENCE_FAMILIES)[number], number>;
  for (const family of VECTOR_FAMILIES) {
    const similarity = cosine(t[family], p[family]);
    const strangers =
      family === 'statistics'
        ? cohortStatistics.map((c) => cosine(t.statistics, c))
        : cohort.map((w) => cosineWithRates(t[family], w.rates, family, yardstick.counts[family]));
    evidence[family] = softCap(standardised(similarity, strangers));
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
  const weights = { char: 0, word: 0, bigram: 0, statistics: 0, habits: 0, rare: 0 };
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
  const single = scoredText(features, reference.vocabulary);
  const evidence = styleEvidence(single, profile, reference);
  const calibration = calibrationAt(reference.calibration, lengthPosition(profile, reference.space), lengthPosition(single.fingerprint, reference.space));
  const logOdds = logOddsOf(evidence, calibration);
  const roughGuess = features.wordCount < ROUGH_BELOW_WORDS ? 'short-text' : profile.samples < ROUGH_BELOW_SAMPLES ? 'small-profile' : null;
  return { score: scoreFromLogOdds(logOdds), logOdds, roughGuess, evidence };
}
