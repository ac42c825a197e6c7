/**
 * Rare word pieces a text shares with a profile: the names, jargon, spellings and turns of phrase
 * that few writers use but this one does. Every character 3-5-gram, not only the common ones the
 * vocabulary keeps, is hashed into a fixed number of buckets; the reference population says how
 * rare each bucket is. The evidence is how many more of the text's rare pieces the profile has
 * than a stranger's texts of the same size would have by chance, weighted by rarity, as a share of
 * what the text could have shared, so long and short texts sit on one scale.
 */
import { z } from 'zod';

export const RARE_NGRAM_SIZES = [3, 4, 5] as const;
/** Buckets the pieces are hashed into: enough to keep rare pieces apart, few enough for a profile of thousands of texts. */
export const RARE_BUCKETS = 65_536;

/**
 * Surprisal (minus the natural log of the per-piece rate) below which a piece is too common to
 * tell writers apart, and above which rarer pieces weigh no more: a piece seen once in the whole
 * reference is as likely chance as a habit.
 */
const COMMON_SURPRISAL = Math.log(1e4);
const CAPPED_SURPRISAL = 12;
/** Surprisal is stored in steps of a tenth, one byte per bucket. */
const SURPRISAL_STEP = 0.1;
/** Puts the share of rare pieces (a few hundredths for strangers) on the scale of the other evidence families. */
const EVIDENCE_SCALE = 20;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Bucket counts of a text's character 3-5-grams (FNV-1a, so each longer piece extends the shorter one's hash). */
export function rareNgramCounts(chars: string): Map<number, number> {
  const counts = new Map<number, number>();
  const longest = RARE_NGRAM_SIZES[RARE_NGRAM_SIZES.length - 1]!;
  const shortest = RARE_NGRAM_SIZES[0];
  for (let i = 0; i + shortest <= chars.length; i++) {
    let hash = FNV_OFFSET;
    for (let n = 1; n <= longest && i + n <= chars.length; n++) {
      hash = Math.imul(hash ^ chars.charCodeAt(i + n - 1), FNV_PRIME);
      if (n >= shortest) {
        const bucket = (hash >>> 0) % RARE_BUCKETS;
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** A profile's bucket counts, keyed by bucket number, and how many pieces they hold. */
export const rareCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().positive()),
});
export type RareCounts = z.infer<typeof rareCountsSchema>;

export function emptyRareCounts(): RareCounts {
  return { total: 0, counts: {} };
}

/** How rare each bucket's pieces are in the reference population, as the evidence uses it. */
export interface RareTable {
  /** Per-piece rate of the bucket's pieces. */
  readonly rates: Float32Array;
  /** How much sharing the bucket's pieces says: zero for common pieces, more for rarer ones. */
  readonly weights: Float32Array;
}

export function encodeSurprisal(rates: Float64Array): string {
  const bytes = new Uint8Array(rates.length);
  for (let i = 0; i < rates.length; i++) bytes[i] = Math.min(255, Math.round(-Math.log(rates[i]!) / SURPRISAL_STEP));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeSurprisal(encoded: string): RareTable {
  const binary = atob(encoded);
  if (binary.length !== RARE_BUCKETS) throw new Error(`Reference rare-piece table has ${binary.length} buckets, expected ${RARE_BUCKETS}`);
  const rates = new Float32Array(binary.length);
  const weights = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    const surprisal = binary.charCodeAt(i) * SURPRISAL_STEP;
    rates[i] = Math.exp(-surprisal);
    weights[i] = Math.max(0, Math.min(CAPPED_SURPRISAL, surprisal) - COMMON_SURPRISAL);
  }
  return { rates, weights };
}

/**
 * The evidence that the profile's writer wrote the text, from the rare pieces they share: the
 * rarity-weighted share of the text's rare pieces the profile holds, minus the share a stranger's
 * texts of the profile's size would hold by chance (Poisson at the population rate).
 */
export function rareEvidence(text: ReadonlyMap<number, number>, profile: RareCounts, table: RareTable): number {
  let shared = 0;
  let expected = 0;
  let possible = 0;
  for (const bucket of text.keys()) {
    const weight = table.weights[bucket]!;
    if (weight === 0) continue;
    possible += weight;
    expected += weight * (1 - Math.exp(-profile.total * table.rates[bucket]!));
    if (profile.counts[bucket] !== undefined) shared += weight;
  }
  return possible > 0 ? (EVIDENCE_SCALE * (shared - expected)) / possible : 0;
}
