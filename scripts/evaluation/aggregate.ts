import { CONDITIONS } from './conditions';
import { PAIRS } from './judge';
import type { PairResult, PromptResult, StyleResult, StyleRow } from './results-schema';
import { summarize } from './statistics';

/** Win-rates of each pair over the given prompts: each prompt's pair score is one observation. */
export function pairResults(prompts: readonly PromptResult[]): PairResult[] {
  return PAIRS.map((pair) => {
    const judged = prompts.flatMap((prompt) => prompt.judgements.filter((judgement) => judgement.pair === pair.id));
    const consistent = judged.filter((judgement) => judgement.positionConsistent).length;
    return {
      pair: pair.id,
      x: pair.x,
      y: pair.y,
      winRate: summarize(judged.map((judgement) => judgement.scoreForX)),
      positionConsistency: judged.length === 0 ? null : consistent / judged.length,
    };
  });
}

const STYLE_ROWS: readonly StyleRow[] = [...CONDITIONS, 'original'];

/** Mean style score per condition (and for the real held-out texts), over the texts that could be scored. */
export function styleResults(prompts: readonly PromptResult[]): StyleResult[] {
  return STYLE_ROWS.map((row) => {
    const scores = prompts.map((prompt) => (row === 'original' ? prompt.original : prompt.outputs[row]).styleScore);
    const scored = scores.filter((score): score is number => score !== null);
    return { row, score: summarize(scored), unscored: scores.length - scored.length };
  });
}
