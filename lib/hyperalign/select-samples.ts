import { distanceBetween, stylePointOf, type StylePoint } from '../style';
import type { PromptSample } from './inference-prompt';

export interface CandidateSample extends PromptSample {
  storedAt: string;
}

/** Roughly four characters a token for the languages we see; only used to stay inside a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface SelectionOptions {
  /** Tokens of sample text the prompt may carry. */
  tokenBudget: number;
  maxSamples: number;
  /** A longer sample is cut (at a sentence or word) to this many tokens. */
  maxTokensPerSample: number;
  /**
   * For a refinement: the samples earlier sets were inferred from. New samples come first; a few
   * of these are kept for continuity (`earlierSamples`), so the model sees what its hypotheses
   * rested on beside what is new.
   */
  previouslySeen?: ReadonlySet<string>;
  earlierSamples?: number;
}

function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Most recent first, one of each text: an exact repeat, or a text contained in a kept one (a
 * reply quoting an earlier message), is the same text twice.
 */
export function withoutRepeats<T extends CandidateSample>(candidates: readonly T[]): T[] {
  const byRecency = [...candidates].sort((a, b) => b.storedAt.localeCompare(a.storedAt));
  const kept: Array<{ sample: T; key: string }> = [];
  for (const sample of byRecency) {
    const key = normalized(sample.text);
    if (key === '') continue;
    if (kept.some((other) => other.key.includes(key) || key.includes(other.key))) continue;
    kept.push({ sample, key });
  }
  return kept.map(({ sample }) => sample);
}

/** Cuts a text to about `maxTokens`, at the end of a sentence when there is one near, else a word. */
export function truncateToTokens(text: string, maxTokens: number): string {
  const maxChars = maxTokens * 4;
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('\n'));
  const cut = sentenceEnd > maxChars * 0.6 ? sentenceEnd + 1 : Math.max(head.lastIndexOf(' '), Math.floor(maxChars * 0.9));
  return `${head.slice(0, cut).trimEnd()} …`;
}

function lengthBucket(text: string): 'short' | 'medium' | 'long' {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words < 40 ? 'short' : words < 150 ? 'medium' : 'long';
}

interface Coverage {
  kinds: Set<string>;
  sites: Set<string>;
  recipients: Set<string>;
  lengths: Set<string>;
  points: StylePoint[];
}

/** How much a sample widens what the chosen ones already cover: kind, site, recipient, length. */
function novelty(sample: CandidateSample, covered: Coverage): number {
  return (
    (covered.kinds.has(sample.kind) ? 0 : 4) +
    (covered.sites.has(sample.site) ? 0 : 2) +
    (covered.recipients.has(sample.recipient ?? '') ? 0 : 2) +
    (covered.lengths.has(lengthBucket(sample.text)) ? 0 : 1)
  );
}

/** Style differences count in steps, so that among samples of nearly the same style the most recent wins. */
const STYLE_STEP = 0.2;
/** At most worth a new site: kind, site and recipient stay the main kinds of variety. */
const MAX_STYLE_NOVELTY = 1.6;

function styleNovelty(nearestChosen: number): number {
  return Number.isFinite(nearestChosen) ? Math.min(MAX_STYLE_NOVELTY, Math.floor(nearestChosen / STYLE_STEP) * STYLE_STEP) : 0;
}

/**
 * Greedy: each step takes the sample that adds the most variety (kind, site, recipient, length,
 * and how far its style is from the closest chosen sample, by the local style verifier), the most
 * recent among equals, skipping any that no longer fits the budget.
 */
function pickDiverse(pool: readonly CandidateSample[], slots: number, budget: number, covered: Coverage, options: SelectionOptions) {
  const chosen: PromptSample[] = [];
  let spent = 0;
  const remaining = pool.map((sample) => ({ sample, point: stylePointOf(sample.text), nearestChosen: Infinity }));
  for (const earlier of covered.points) for (const entry of remaining) entry.nearestChosen = Math.min(entry.nearestChosen, distanceBetween(entry.point, earlier));
  while (chosen.length < slots && remaining.length > 0) {
    let bestIndex = -1;
    let bestScore = -1;
    for (const [index, { sample, nearestChosen }] of remaining.entries()) {
      const cost = estimateTokens(truncateToTokens(sample.text, options.maxTokensPerSample));
      if (spent + cost > budget) continue;
      const score = novelty(sample, covered) + styleNovelty(nearestChosen);
      if (score > bestScore) {
        bestScore = score;
        bestIndex = index;
      }
    }
    if (bestIndex < 0) break;
    const [{ sample, point }] = remaining.splice(bestIndex, 1) as [(typeof remaining)[number]];
    const text = truncateToTokens(sample.text, options.maxTokensPerSample);
    spent += estimateTokens(text);
    covered.kinds.add(sample.kind);
    covered.sites.add(sample.site);
    covered.recipients.add(sample.recipient ?? '');
    covered.lengths.add(lengthBucket(sample.text));
    covered.points.push(point);
    for (const entry of remaining) entry.nearestChosen = Math.min(entry.nearestChosen, distanceBetween(entry.point, point));
    chosen.push({ id: sample.id, text, kind: sample.kind, site: sample.site, recipient: sample.recipient ?? null });
  }
  return { chosen, spent };
}

/**
 * The few samples an inference sees: never the same text twice, varied in kind, site, recipient
 * and length, recent first, within a token budget. Callers pass only non-excluded samples from a
 * bounded window, so the cost does not grow with the number stored.
 */
export function selectSamplesForInference(candidates: readonly CandidateSample[], options: SelectionOptions): PromptSample[] {
  const unique = withoutRepeats(candidates);
  const covered: Coverage = { kinds: new Set(), sites: new Set(), recipients: new Set(), lengths: new Set(), points: [] };
  const seen = options.previouslySeen;
  if (!seen || seen.size === 0) return pickDiverse(unique, options.maxSamples, options.tokenBudget, covered, options).chosen;

  const fresh = unique.filter((sample) => !seen.has(sample.id));
  const earlier = unique.filter((sample) => seen.has(sample.id));
  const earlierSlots = Math.min(options.earlierSamples ?? 3, earlier.length);
  // New samples get the budget first, but leave room for the earlier ones kept for continuity.
  const reserved = Math.floor(options.tokenBudget * (earlierSlots > 0 ? 0.25 : 0));
  const newOnes = pickDiverse(fresh, options.maxSamples - earlierSlots, options.tokenBudget - reserved, covered, options);
  const slotsLeft = options.maxSamples - newOnes.chosen.length;
  const old = pickDiverse(earlier, slotsLeft, options.tokenBudget - newOnes.spent, covered, options);
  return [...newOnes.chosen, ...old.chosen];
}

/** What an inference prompt may spend on samples, given the model's context window. */
export interface InferenceBudget {
  tokenBudget: number;
  maxSamples: number;
  maxTokensPerSample: number;
}

/** Room kept for the model's answer: a profile of up to ~25 hypotheses with short quotes. */
export const INFERENCE_OUTPUT_RESERVE = 1_800;
/** More samples than this add cost, not insight (HyPerAlign works from about 4 to 8). */
export const MAX_SAMPLE_TOKENS = 6_000;
export const MAX_SAMPLES = 12;

export function inferenceBudgetFor(contextTokens: number, promptOverheadTokens: number): InferenceBudget {
  const room = Math.floor(contextTokens * 0.9) - INFERENCE_OUTPUT_RESERVE - promptOverheadTokens;
  const tokenBudget = Math.max(300, Math.min(MAX_SAMPLE_TOKENS, room));
  return {
    tokenBudget,
    maxSamples: MAX_SAMPLES,
    maxTokensPerSample: Math.max(150, Math.min(800, Math.floor(tokenBudget / 4))),
  };
}
