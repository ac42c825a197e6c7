/** Which candidate the judge found more likely by the author: the one shown as A or as B. */
export type Verdict = 'A' | 'B';

/**
 * A pair (X, Y) is judged twice: X shown as A with Y as B, then the other way round. X's score is
 * the mean of the two verdicts (1 for a win, 0 for a loss), so a judge that always picks the same
 * position gives every pair 0.5 and position bias cancels instead of favouring whoever went first.
 */
export function pairScore(whenXIsA: Verdict, whenXIsB: Verdict): number {
  return ((whenXIsA === 'A' ? 1 : 0) + (whenXIsB === 'B' ? 1 : 0)) / 2;
}

/** True when both orders picked the same candidate, i.e. the verdict did not follow the position. */
export function pairPositionConsistent(whenXIsA: Verdict, whenXIsB: Verdict): boolean {
  return (whenXIsA === 'A') === (whenXIsB === 'B');
}
