import type { PromptSample } from './inference-prompt';
import { selectSamplesForInference, type CandidateSample } from './select-samples';

/** HypoGeniC-style checks need a few unseen texts, not many: the call stays small and flat. */
export const MAX_HELD_OUT_SAMPLES = 3;
export const MAX_TOKENS_PER_HELD_OUT_SAMPLE = 300;

function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Texts the hypotheses were not inferred from: none the model was shown (`seen`), nor one that
 * quotes or is quoted by a seen text, since a repeated text would only confirm what it produced.
 * Varied and cut to size like the inference's own samples. Callers pass only non-excluded samples.
 */
export function selectHeldOutSamples(candidates: readonly CandidateSample[], seen: ReadonlySet<string>): PromptSample[] {
  const seenTexts = candidates.filter((sample) => seen.has(sample.id)).map((sample) => comparable(sample.text));
  const unseen = candidates.filter((sample) => {
    if (seen.has(sample.id)) return false;
    const text = comparable(sample.text);
    return !seenTexts.some((other) => other.includes(text) || text.includes(other));
  });
  return selectSamplesForInference(unseen, {
    tokenBudget: MAX_HELD_OUT_SAMPLES * MAX_TOKENS_PER_HELD_OUT_SAMPLE,
    maxSamples: MAX_HELD_OUT_SAMPLES,
    maxTokensPerSample: MAX_TOKENS_PER_HELD_OUT_SAMPLE,
  });
}
