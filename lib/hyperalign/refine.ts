import { keepVerifiableEvidence, MAX_EVIDENCE_PER_HYPOTHESIS } from './evidence';
import type { AttributesOutput, InferenceOutput, NewHypothesisOutput, RefinementOutput } from './inference-output';
import type { Evidence, Hypothesis, HypothesisStatus, UserAttributes } from './schema';

/** A hypothesis none of whose quotes could be found is kept, but cannot claim more than this. */
export const UNSUPPORTED_CONFIDENCE_CAP = 0.3;
export const MAX_HYPOTHESES = 30;
const MAX_STATEMENT_CHARS = 500;

/** Statuses the person set: the model never changes these hypotheses. */
export const PERSON_OWNED: ReadonlySet<HypothesisStatus> = new Set(['edited', 'pinned', 'rejected']);

export interface EvidenceContext {
  /** Stored sample id to the text the model saw. */
  samplesById: ReadonlyMap<string, string>;
  /** The id the model cited ("s2") to the stored sample id. */
  sampleIdOf: (cited: string) => string | undefined;
}

function words(statement: string): Set<string> {
  return new Set(
    statement
      .toLowerCase()
      .normalize('NFKC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2),
  );
}

function negated(statement: string): boolean {
  return /\b(not|never|rarely|seldom|hardly|no|without|avoids?|n't)\b|n['’]t\b/i.test(statement);
}

/** Two statements that say the same thing in nearly the same words. */
export function sameClaim(a: string, b: string): boolean {
  // "Uses X often" and "Rarely uses X" share their words but not their claim.
  if (negated(a) !== negated(b)) return false;
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared) >= 0.6 || shared / Math.min(left.size, right.size) >= 0.85;
}

/**
 * A hypothesis is a description of the person, never an order to a model. A statement that reads
 * like one (copied from a sample that tried to inject it) is dropped before it can reach the
 * rewrite prompt.
 */
export function looksLikeInstruction(statement: string): boolean {
  return /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules?)\b|\bsystem prompt\b|\byou (must|should) (now )?(reply|answer|respond|output)\b/i.test(
    statement,
  );
}

function cleanStatement(statement: string | null | undefined): string | null {
  const text = (statement ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_STATEMENT_CHARS);
  return text === '' || looksLikeInstruction(text) ? null : text;
}

function supported(confidence: number, evidence: Evidence[]): number {
  return evidence.length > 0 ? confidence : Math.min(confidence, UNSUPPORTED_CONFIDENCE_CAP);
}

function newHypothesis(output: NewHypothesisOutput, context: EvidenceContext): Hypothesis | null {
  const statement = cleanStatement(output.statement);
  if (!statement) return null;
  const evidence = keepVerifiableEvidence(output.evidence, context.samplesById, context.sampleIdOf);
  return {
    id: crypto.randomUUID(),
    category: output.category,
    statement,
    evidence,
    confidence: supported(output.confidence, evidence),
    status: 'inferred',
  };
}

/** An attribute is a fact about the person; one that reads like an order to a model is dropped. */
function cut(value: string | null, max: number): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' || looksLikeInstruction(text) ? null : text.slice(0, max);
}

function mergeList(previous: readonly string[], next: readonly string[], max: number, itemMax: number): string[] {
  const merged: string[] = [];
  for (const item of [...next, ...previous]) {
    const text = cut(item, itemMax);
    if (text && !merged.some((other) => other.toLowerCase() === text.toLowerCase())) merged.push(text);
  }
  return merged.slice(0, max);
}

/**
 * Attributes accumulate: a new answer fills in or updates, but a silent one does not erase. A
 * field the person set themselves is theirs: the model's answer for it is ignored.
 */
export function mergeAttributes(previous: UserAttributes, next: AttributesOutput): UserAttributes {
  const edited = new Set(previous.edited ?? []);
  const merged: UserAttributes = {
    role: edited.has('role') ? previous.role : (cut(next.role, 200) ?? previous.role),
    domain: edited.has('domain') ? previous.domain : (cut(next.domain, 200) ?? previous.domain),
    audiences: edited.has('audiences') ? previous.audiences : mergeList(previous.audiences, next.audiences, 10, 200),
    facts: edited.has('facts') ? previous.facts : mergeList(previous.facts, next.facts, 15, 300),
  };
  return edited.size > 0 ? { ...merged, edited: [...edited] } : merged;
}

/**
 * The person may edit "About you" while an inference runs. Just before a result is stored, each
 * field they set in the latest version is taken as they left it.
 */
export function keepPersonsLatestAttributes(result: UserAttributes, latest: UserAttributes | undefined): UserAttributes {
  const theirs = latest?.edited ?? [];
  if (!latest || theirs.length === 0) return result;
  const mine = new Set(theirs);
  return {
    role: mine.has('role') ? latest.role : result.role,
    domain: mine.has('domain') ? latest.domain : result.domain,
    audiences: mine.has('audiences') ? latest.audiences : result.audiences,
    facts: mine.has('facts') ? latest.facts : result.facts,
    edited: [...new Set([...(result.edited ?? []), ...theirs])],
  };
}

/** Drops statements that repeat one already kept or revive one the person rejected. */
function withoutRepeatsOrRejected(candidates: Hypothesis[], kept: readonly Hypothesis[]): Hypothesis[] {
  const accepted: Hypothesis[] = [];
  for (const candidate of candidates) {
    if ([...kept, ...accepted].some((other) => sameClaim(other.statement, candidate.statement))) continue;
    accepted.push(candidate);
  }
  return accepted;
}

/** A first profile from a first inference. */
export function hypothesesFromInference(output: InferenceOutput, context: EvidenceContext): Hypothesis[] {
  const created = output.hypotheses.map((item) => newHypothesis(item, context)).filter((item): item is Hypothesis => item !== null);
  return withoutRepeatsOrRejected(created, []).slice(0, MAX_HYPOTHESES);
}

/**
 * Applies the model's verdicts to the current hypotheses. What the person edited, pinned or
 * rejected is carried over exactly as they left it; rejected ones stay (as rejected) so that
 * nothing equivalent can come back in this or any later version. An inferred hypothesis the model
 * did not mention is kept as it was.
 */
export function applyRefinement(
  current: readonly Hypothesis[],
  output: RefinementOutput,
  hypothesisIdOf: (ref: string) => string | undefined,
  context: EvidenceContext,
): Hypothesis[] {
  const verdicts = new Map<string, RefinementOutput['reviewed'][number]>();
  for (const review of output.reviewed) {
    const id = hypothesisIdOf(review.ref.trim());
    if (id && !verdicts.has(id)) verdicts.set(id, review);
  }
  const kept: Hypothesis[] = [];
  for (const hypothesis of current) {
    const review = verdicts.get(hypothesis.id);
    if (PERSON_OWNED.has(hypothesis.status) || !review) {
      kept.push(hypothesis);
      continue;
    }
    if (review.verdict === 'retire') continue;
    const newEvidence = keepVerifiableEvidence(review.evidence, context.samplesById, context.sampleIdOf);
    const revised = review.verdict === 'revise' ? cleanStatement(review.statement) : null;
    // A revision may not turn one hypothesis into another one (or into one the person rejected).
    const repeatsAnother = revised !== null && current.some((other) => other.id !== hypothesis.id && sameClaim(other.statement, revised));
    if (repeatsAnother) {
      kept.push(hypothesis);
      continue;
    }
    const evidence = revised ? newEvidence : [...newEvidence, ...hypothesis.evidence];
    kept.push({
      ...hypothesis,
      statement: revised ?? hypothesis.statement,
      evidence: dedupeEvidence(evidence).slice(0, MAX_EVIDENCE_PER_HYPOTHESIS),
      confidence: supported(review.confidence, evidence),
    });
  }
  const added = output.added.map((item) => newHypothesis(item, context)).filter((item): item is Hypothesis => item !== null);
  const accepted = withoutRepeatsOrRejected(added, kept);
  const active = [...kept, ...accepted];
  const rejected = active.filter((hypothesis) => hypothesis.status === 'rejected');
  const rest = active.filter((hypothesis) => hypothesis.status !== 'rejected');
  return [...rest.slice(0, MAX_HYPOTHESES), ...rejected];
}

function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.filter(
    (item, index) => evidence.findIndex((other) => other.sampleId === item.sampleId && other.quote === item.quote) === index,
  );
}

/**
 * The person may edit the profile while an inference runs. Just before a result is stored, their
 * latest choices win: a hypothesis they edited, pinned, rejected or restored meanwhile is taken as
 * they left it, and one they deleted meanwhile stays deleted.
 */
export function keepPersonsLatestChoices(
  result: readonly Hypothesis[],
  base: readonly Hypothesis[],
  latest: readonly Hypothesis[],
): Hypothesis[] {
  const baseIds = new Set(base.map((hypothesis) => hypothesis.id));
  const baseById = new Map(base.map((hypothesis) => [hypothesis.id, hypothesis]));
  const latestById = new Map(latest.map((hypothesis) => [hypothesis.id, hypothesis]));
  const changedMeanwhile = (theirs: Hypothesis) => JSON.stringify(baseById.get(theirs.id)) !== JSON.stringify(theirs);
  const merged = result
    .filter((hypothesis) => !baseIds.has(hypothesis.id) || latestById.has(hypothesis.id))
    .map((hypothesis) => {
      const theirs = latestById.get(hypothesis.id);
      // Theirs wins when they own it, or when they changed it meanwhile (un-pinned, restored).
      return theirs && (PERSON_OWNED.has(theirs.status) || (baseById.has(theirs.id) && changedMeanwhile(theirs))) ? theirs : hypothesis;
    });
  const present = new Set(merged.map((hypothesis) => hypothesis.id));
  for (const theirs of latest) {
    if (PERSON_OWNED.has(theirs.status) && !present.has(theirs.id)) merged.push(theirs);
  }
  // A new statement that repeats one the person rejected meanwhile does not survive either.
  const rejected = merged.filter((hypothesis) => hypothesis.status === 'rejected');
  return merged.filter(
    (hypothesis) =>
      hypothesis.status !== 'inferred' ||
      baseIds.has(hypothesis.id) ||
      !rejected.some((other) => sameClaim(other.statement, hypothesis.statement)),
  );
}
