/**
 * "Sounds like you": how much more a text resembles a profile than it resembles the reference
 * writers. Each feature family's cosine to the profile is standardised against the same text's
 * cosines to every reference writer (test normalisation, as in speaker verification and the
 * impostors method of Koppel & Winter 2014), greeting and sign-off habits add a log-likelihood
 * ratio, and weights fitted on the reference population turn the evidence into log-odds of "same
 * writer" at even prior. The score is that probability as an integer percentage.
 */
import { extractFeatures } from './features';
import { addFeatures, emptyFingerprint, type StyleFingerprint } from './fingerprint';
import type { Calibration, StyleReference } from './reference';
import { VECTOR_FAMILIES, dot, styleVectors, type StyleVectors, type VectorFamily } from './vectors';

/** Below this many words a text says too little about style to score. */
export const MIN_WORDS = 15;

export type StyleEvidence = Readonly<Record<VectorFamily | 'habits', number>>;

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

/** Log-likelihood ratio of a text's opening (or closing) line under the profile vs. the population. */
function habitRatio(
  line: string | null,
  profile: Readonly<Record<string, number>>,
  samples: number,
  population: Readonly<Record<string, number>>,
  populationWith: number,
  populationTexts: number,
): number {
  const populationCount = line === null ? populationTexts - populationWith : (population[line] ?? 0);
  const prior = (populationCount + 0.5) / (populationTexts + 1);
  const profileWith = Object.values(profile).reduce((a, b) => a + b, 0);
  const profileCount = line === null ? samples - profileWith : (profile[line] ?? 0);
  // Two pseudo-samples from the population keep a few samples from claiming certainty.
  const pseudo = 2;
  return Math.log((profileCount + pseudo * prior) / (samples + pseudo) / prior);
}

function habitEvidence(text: StyleFingerprint, profile: StyleFingerprint, reference: StyleReference): number {
  const h = reference.habits;
  const greeting = Object.keys(text.greetings)[0] ?? null;
  const closing = Object.keys(text.closings)[0] ?? null;
  return (
    habitRatio(greeting, profile.greetings, profile.samples, h.greetings, h.withGreeting, h.texts) +
    habitRatio(closing, profile.closings, profile.samples, h.closings, h.withClosing, h.texts)
  );
}

/**
 * The evidence that `text` (a one-sample fingerprint) was written by the profile's writer.
 * `excludedWriters` keeps reference writers out of the comparison set (used when the text or the
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
  const evidence = { habits: habitEvidence(text, profile, reference) } as Record<VectorFamily | 'habits', number>;
  for (const family of VECTOR_FAMILIES) {
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (const writer of reference.writers) {
      if (excludedWriters.has(writer.id)) continue;
      const s = dot(t[family], writer.vectors[family]);
      n++;
      sum += s;
      sumSq += s * s;
    }
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(sumSq / n - mean * mean, 1e-6));
    evidence[family] = (dot(t[family], p[family]) - mean) / sd;
  }
  return evidence;
}

export function logOddsOf(evidence: StyleEvidence, calibration: Calibration): number {
  let logOdds = calibration.bias;
  for (const family of [...VECTOR_FAMILIES, 'habits'] as const) logOdds += calibration.weights[family] * evidence[family];
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
  const logOdds = logOddsOf(evidence, reference.calibration);
  return { score: scoreFromLogOdds(logOdds), logOdds, evidence };
}
