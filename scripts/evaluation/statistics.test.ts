import { describe, expect, it } from 'vitest';
import { pairResults, styleResults } from './aggregate';
import type { PairId } from './judge';
import { pairPositionConsistent, pairScore, type Verdict } from './pair-score';
import type { PromptResult } from './results-schema';
import { mean, standardError, summarize } from './statistics';

describe('mean and standard error', () => {
  it('uses the sample standard deviation over √n', () => {
    // mean 0.6; squared deviations 0.16 + 0.16 + 0.36 + 0.01 + 0.01 = 0.70; SD = √(0.70 / 4); SE = SD / √5
    expect(mean([1, 1, 0, 0.5, 0.5])).toBeCloseTo(0.6, 12);
    expect(standardError([1, 1, 0, 0.5, 0.5])).toBeCloseTo(0.187083, 6);
    // SD of [1, 1, 0] = √(1/3); SE = √(1/3) / √3 = 1/3
    expect(standardError([1, 1, 0])).toBeCloseTo(1 / 3, 12);
  });

  it('has no spread to estimate below two values, and no mean for none', () => {
    expect(summarize([0.5])).toEqual({ mean: 0.5, standardError: null, n: 1 });
    expect(summarize([])).toEqual({ mean: null, standardError: null, n: 0 });
    expect(standardError([0.5, 0.5, 0.5])).toBe(0);
  });
});

describe('pair score with order swapping', () => {
  it('scores X by both orders: a win in both is 1, a loss in both 0', () => {
    expect(pairScore('A', 'B')).toBe(1);
    expect(pairScore('B', 'A')).toBe(0);
    expect(pairPositionConsistent('A', 'B')).toBe(true);
    expect(pairPositionConsistent('B', 'A')).toBe(true);
  });

  it('gives a judge that always answers by position 0.5, whichever position it prefers', () => {
    expect(pairScore('A', 'A')).toBe(0.5);
    expect(pairScore('B', 'B')).toBe(0.5);
    expect(pairPositionConsistent('A', 'A')).toBe(false);
  });
});

function prompt(verdicts: Partial<Record<PairId, [Verdict, Verdict]>>, styleScores: [number | null, number | null, number | null, number | null]): PromptResult {
  const [hyperalign, fewShot, zeroShot, original] = styleScores;
  return {
    author: 'a',
    sourceId: 'x',
    instruction: 'write',
    referenceId: 'r',
    original: { text: '', styleScore: original },
    outputs: {
      hyperalign: { text: '', styleScore: hyperalign },
      'few-shot': { text: '', styleScore: fewShot },
      'zero-shot': { text: '', styleScore: zeroShot },
    },
    judgements: Object.entries(verdicts).map(([pair, [whenXIsA, whenXIsB]]) => ({
      pair: pair as PairId,
      whenXIsA: { moreLikely: whenXIsA, reason: '' },
      whenXIsB: { moreLikely: whenXIsB, reason: '' },
      scoreForX: pairScore(whenXIsA, whenXIsB),
      positionConsistent: pairPositionConsistent(whenXIsA, whenXIsB),
    })),
  };
}

describe('pairResults', () => {
  it('makes every pair 0.5 with no consistent verdict when the judge always says "A"', () => {
    const biased = [0, 1, 2].map(() =>
      prompt({ 'hyperalign-vs-few-shot': ['A', 'A'], 'hyperalign-vs-zero-shot': ['A', 'A'], 'few-shot-vs-zero-shot': ['A', 'A'] }, [50, 50, 50, 50]),
    );
    for (const pair of pairResults(biased)) {
      expect(pair.winRate).toEqual({ mean: 0.5, standardError: 0, n: 3 });
      expect(pair.positionConsistency).toBe(0);
    }
  });

  it('averages pair scores over prompts, with their standard error and consistency', () => {
    const prompts = [
      prompt({ 'hyperalign-vs-few-shot': ['A', 'B'] }, [10, 20, 30, 40]), // 1, consistent
      prompt({ 'hyperalign-vs-few-shot': ['A', 'B'] }, [20, 20, 30, 40]), // 1, consistent
      prompt({ 'hyperalign-vs-few-shot': ['B', 'A'] }, [30, 20, null, 40]), // 0, consistent
      prompt({ 'hyperalign-vs-few-shot': ['B', 'B'] }, [40, 20, null, 40]), // 0.5, by position
    ];
    const [hyperalignVsFewShot, hyperalignVsZeroShot] = pairResults(prompts);
    // scores 1, 1, 0, 0.5: mean 0.625; deviations .375, .375, -.625, -.125; SS = 0.6875; SE = √(0.6875/3)/2
    expect(hyperalignVsFewShot!.winRate.mean).toBeCloseTo(0.625, 12);
    expect(hyperalignVsFewShot!.winRate.standardError).toBeCloseTo(Math.sqrt(0.6875 / 3) / 2, 12);
    expect(hyperalignVsFewShot!.positionConsistency).toBe(0.75);
    expect(hyperalignVsZeroShot!.winRate).toEqual({ mean: null, standardError: null, n: 0 });
    expect(hyperalignVsZeroShot!.positionConsistency).toBeNull();

    const style = Object.fromEntries(styleResults(prompts).map((row) => [row.row, row]));
    // 10, 20, 30, 40: mean 25; SD = √(500/3); SE = SD / 2
    expect(style.hyperalign!.score.mean).toBe(25);
    expect(style.hyperalign!.score.standardError).toBeCloseTo(Math.sqrt(500 / 3) / 2, 12);
    expect(style['zero-shot']).toMatchObject({ score: { mean: 30, standardError: 0, n: 2 }, unscored: 2 });
    expect(style.original!.score.mean).toBe(40);
  });
});
