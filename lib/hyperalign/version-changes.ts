import { sameClaim } from './refine';
import type { Hypothesis } from './schema';

export interface HypothesisPair {
  before: Hypothesis;
  after: Hypothesis;
}

/** What changed from one version of a profile to another, as the person reads it in History. */
export interface VersionChanges {
  /** New in the later version. */
  added: Hypothesis[];
  /** The same hypothesis with another statement, or a lower confidence. */
  revised: HypothesisPair[];
  /** In the earlier version, gone (or rejected) in the later one. */
  retired: Hypothesis[];
  /** Kept with the same statement and an equal or higher confidence. */
  confirmed: HypothesisPair[];
}

/** Rejected hypotheses stay in a set only so they are never inferred again: they are not part of the profile. */
function inProfile(hypotheses: readonly Hypothesis[]): Hypothesis[] {
  return hypotheses.filter((hypothesis) => hypothesis.status !== 'rejected');
}

/**
 * Compares two versions. A hypothesis is matched by its id first (a refinement keeps ids), then by
 * saying the same thing in nearly the same words (a first inference run again makes new ids).
 */
export function versionChanges(earlier: readonly Hypothesis[], later: readonly Hypothesis[]): VersionChanges {
  const before = inProfile(earlier);
  const after = inProfile(later);
  const unmatched = new Map(before.map((hypothesis) => [hypothesis.id, hypothesis]));
  const pairs: HypothesisPair[] = [];
  const added: Hypothesis[] = [];
  const byClaim: Hypothesis[] = [];
  for (const hypothesis of after) {
    const same = unmatched.get(hypothesis.id);
    if (same) {
      unmatched.delete(same.id);
      pairs.push({ before: same, after: hypothesis });
    } else byClaim.push(hypothesis);
  }
  for (const hypothesis of byClaim) {
    const same = [...unmatched.values()].find(
      (other) => other.category === hypothesis.category && sameClaim(other.statement, hypothesis.statement),
    );
    if (same) {
      unmatched.delete(same.id);
      pairs.push({ before: same, after: hypothesis });
    } else added.push(hypothesis);
  }
  const order = new Map(after.map((hypothesis, index) => [hypothesis.id, index]));
  pairs.sort((a, b) => order.get(a.after.id)! - order.get(b.after.id)!);
  const kept = (pair: HypothesisPair) => pair.before.statement === pair.after.statement && pair.after.confidence >= pair.before.confidence;
  return {
    added,
    revised: pairs.filter((pair) => !kept(pair)),
    retired: [...unmatched.values()],
    confirmed: pairs.filter(kept),
  };
}
