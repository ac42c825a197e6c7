import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features';
import { styleFingerprintOf } from './index';
import { RARE_BUCKETS, decodeSurprisal, encodeSurprisal, rareEvidence, rareNgramCounts, type RareCounts, type RareTable } from './rare-ngrams';

function countsOf(...texts: string[]): RareCounts {
  return styleFingerprintOf(texts).rare;
}

/** A population in which every piece is rare (one in a million), except the pieces of `common`. */
function surprisalWithCommon(common: string): RareTable {
  const rates = new Float64Array(RARE_BUCKETS).fill(1e-6);
  for (const bucket of rareNgramCounts(common).keys()) rates[bucket] = 1e-2;
  return decodeSurprisal(encodeSurprisal(rates));
}

describe('rare word pieces', () => {
  it('counts every character 3-, 4- and 5-gram, the same piece always in the same bucket', () => {
    const counts = rareNgramCounts('abcdef');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(4 + 3 + 2);
    expect(rareNgramCounts('xabcx').get([...rareNgramCounts('abc').keys()][0]!)).toBe(1);
    expect(rareNgramCounts('ab').size).toBe(0);
  });

  it('stores how rare each bucket is in one byte, to a tenth of a nat', () => {
    const rates = new Float64Array(RARE_BUCKETS).fill(1e-5);
    rates[7] = 0.3;
    const table = decodeSurprisal(encodeSurprisal(rates));
    expect(table.rates[7]).toBeCloseTo(0.3, 1);
    expect(Math.log(table.rates[8]!)).toBeCloseTo(Math.log(1e-5), 1);
    expect(table.weights[7]).toBe(0);
    expect(table.weights[8]).toBeGreaterThan(0);
    expect(() => decodeSurprisal(btoa('short'))).toThrow(/buckets/);
  });

  it('is evidence for the profile that shares the text’s rare names and spellings, and none for one that does not', () => {
    const surprisal = surprisalWithCommon('the and of to a in is it that for was on');
    const text = extractFeatures('Ferrodyne pushed the quokkaware patch to Zanzibar-7 again').rare;
    const sharer = countsOf('the Ferrodyne build of quokkaware ran on Zanzibar-7 overnight');
    const stranger = countsOf('we went to the lake and it was cold but the kids loved it anyway');
    expect(rareEvidence(text, sharer, surprisal)).toBeGreaterThan(5);
    expect(Math.abs(rareEvidence(text, stranger, surprisal))).toBeLessThan(1);
  });

  it('expects a big profile to share more by chance, so holding every piece is no evidence', () => {
    const surprisal = decodeSurprisal(encodeSurprisal(new Float64Array(RARE_BUCKETS).fill(1 / RARE_BUCKETS)));
    const everything: RareCounts = { total: 1e8, counts: Object.fromEntries(Array.from({ length: RARE_BUCKETS }, (_, i) => [String(i), 1])) };
    const text = extractFeatures('Ferrodyne pushed the quokkaware patch to Zanzibar-7 again').rare;
    expect(rareEvidence(text, everything, surprisal)).toBeCloseTo(0, 3);
  });

  it('gives no evidence from pieces every writer uses', () => {
    const common = 'the cat sat on the mat';
    expect(rareEvidence(extractFeatures(common).rare, countsOf(common), surprisalWithCommon(common))).toBe(0);
  });
});
