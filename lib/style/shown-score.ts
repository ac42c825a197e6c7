import { z } from 'zod';
import type { StyleScore } from './score';

/**
 * The "sounds like you" score as a page shows it, computed in the background (which has the
 * reference data loaded) and sent over the protocol: pages never load the style verifier.
 */
export const shownStyleScoreSchema = z.union([
  z.object({ score: z.number().min(0).max(100), roughGuess: z.enum(['short-text', 'small-profile']).nullable() }),
  z.object({ score: z.null(), reason: z.enum(['too-short', 'empty-profile', 'outdated-profile']) }),
]);
export type ShownStyleScore = z.infer<typeof shownStyleScoreSchema>;

export function shownStyleScore(result: StyleScore): ShownStyleScore {
  return result.score === null ? { score: null, reason: result.reason } : { score: result.score, roughGuess: result.roughGuess };
}
