import type { PromptSample } from './inference-prompt';

export interface CandidateSample extends PromptSample {
  storedAt: string;
}

/** Roughly four characters a token for the languages we see; only used to stay inside a budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The few samples inference sees: most recent first, within a token budget, so the cost of an
 * inference does not grow with the number of stored samples.
 */
export function selectSamplesForInference(
  candidates: readonly CandidateSample[],
  options: { tokenBudget: number; maxSamples: number },
): PromptSample[] {
  const byRecency = [...candidates].sort((a, b) => b.storedAt.localeCompare(a.storedAt));
  const chosen: PromptSample[] = [];
  let spent = 0;
  for (const sample of byRecency) {
    if (chosen.length >= options.maxSamples) break;
    const cost = estimateTokens(sample.text);
    if (spent + cost > options.tokenBudget && chosen.length > 0) continue;
    chosen.push({ id: sample.id, text: sample.text, kind: sample.kind, site: sample.site });
    spent += cost;
  }
  return chosen;
}
