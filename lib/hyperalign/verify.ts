import type { LlmClient } from '../llm/types';
import type { PromptSample } from './inference-prompt';
import { MAX_HYPOTHESES } from './refine';
import type { Hypothesis, Support, TokenUsage } from './schema';
import { buildVerificationMessages, verificationOutputSchema, type VerificationOutput, type VerificationPrompt } from './verify-prompt';

/** What one hypothesis was tested as, and how it fared. */
export interface SupportCheck {
  statement: string;
  support: Support;
}

export interface Verification {
  /** By hypothesis id. */
  checks: Map<string, SupportCheck>;
  usage: TokenUsage;
}

/**
 * Weight of the model's own confidence, in held-out texts: with the model at 0.5 the blend is
 * Laplace's rule, (supported + 1) / (supported + contradicted + 2).
 */
const PRIOR_WEIGHT = 2;
/** One off-genre text is not enough to drop a hypothesis. */
const MIN_CONTRADICTIONS_TO_DROP = 2;

/** Room for the verdicts: per sample its alias and two short lists of hypothesis refs ("H12"). */
export function verificationMaxTokens(samples: number, hypotheses: number): number {
  return 64 + samples * (24 + 8 * hypotheses);
}

/** The hypotheses worth testing: all but the rejected ones, bounded so the call stays small. */
export function hypothesesToVerify(hypotheses: readonly Hypothesis[]): Hypothesis[] {
  return hypotheses.filter((hypothesis) => hypothesis.status !== 'rejected').slice(0, MAX_HYPOTHESES);
}

/**
 * HypoGeniC-style scoring in one structured call: each hypothesis against each held-out sample.
 * Throws when the call fails or its answer cannot be used; the caller keeps the set unverified.
 */
export async function verifyHypotheses(
  llm: LlmClient,
  hypotheses: readonly Hypothesis[],
  heldOut: readonly PromptSample[],
  signal?: AbortSignal,
): Promise<Verification> {
  const targets = hypothesesToVerify(hypotheses);
  const prompt = buildVerificationMessages(targets, heldOut);
  const { value, usage } = await llm.completeStructured({
    messages: prompt.messages,
    schema: verificationOutputSchema,
    schemaName: 'hypothesis_verification',
    maxTokens: verificationMaxTokens(heldOut.length, targets.length),
    signal,
  });
  const supportById = tallySupport(value, prompt);
  const checks = new Map<string, SupportCheck>();
  for (const hypothesis of targets) {
    const support = supportById.get(hypothesis.id);
    if (support) checks.set(hypothesis.id, { statement: hypothesis.statement, support });
  }
  return { checks, usage };
}

/**
 * Counts verdicts per hypothesis. Only samples that were shown count, each once; a sample that
 * lists a hypothesis as both supported and contradicted says nothing clear about it.
 */
export function tallySupport(output: VerificationOutput, prompt: VerificationPrompt): Map<string, Support> {
  const answered = new Set<string>();
  const counts = new Map<string, { supported: number; contradicted: number }>();
  for (const id of prompt.hypothesisIdByRef.values()) counts.set(id, { supported: 0, contradicted: 0 });
  for (const entry of output.samples) {
    const sampleId = prompt.sampleIdByAlias.get(entry.sample.trim());
    if (!sampleId || answered.has(sampleId)) continue;
    answered.add(sampleId);
    const supports = idsOf(entry.supports, prompt);
    const contradicts = idsOf(entry.contradicts, prompt);
    for (const id of supports) if (!contradicts.has(id)) counts.get(id)!.supported++;
    for (const id of contradicts) if (!supports.has(id)) counts.get(id)!.contradicted++;
  }
  const support = new Map<string, Support>();
  if (answered.size === 0) return support;
  for (const [id, count] of counts) support.set(id, { checked: answered.size, ...count });
  return support;
}

function idsOf(refs: readonly string[], prompt: VerificationPrompt): Set<string> {
  const ids = new Set<string>();
  for (const ref of refs) {
    const id = prompt.hypothesisIdByRef.get(ref.trim().toUpperCase());
    if (id) ids.add(id);
  }
  return ids;
}

/** Contradicted by most of the texts it was checked against (and by more than one): it does not help. */
export function doesNotHelp(support: Support): boolean {
  return support.contradicted >= MIN_CONTRADICTIONS_TO_DROP && support.contradicted * 2 > support.checked;
}

/** The model's confidence as a prior, updated by what the held-out texts showed. */
export function blendConfidence(confidence: number, support: Support): number {
  return (PRIOR_WEIGHT * confidence + support.supported) / (PRIOR_WEIGHT + support.supported + support.contradicted);
}

/**
 * Records the checks. An inferred hypothesis gets its confidence blended with its support, or is
 * dropped when it does not help; one the person edited, pinned or rejected only gets its support
 * recorded, status, statement and confidence untouched. A check made on a statement that has
 * changed since (the person edited it meanwhile) is not applied.
 */
export function applyVerification(hypotheses: readonly Hypothesis[], checks: ReadonlyMap<string, SupportCheck>): Hypothesis[] {
  const result: Hypothesis[] = [];
  for (const hypothesis of hypotheses) {
    const check = checks.get(hypothesis.id);
    if (!check || check.statement !== hypothesis.statement) {
      result.push(hypothesis);
    } else if (hypothesis.status !== 'inferred') {
      result.push({ ...hypothesis, support: check.support });
    } else if (!doesNotHelp(check.support)) {
      result.push({ ...hypothesis, support: check.support, confidence: blendConfidence(hypothesis.confidence, check.support) });
    }
  }
  return result;
}

/**
 * Support describes the statement it was measured on. A statement revised since the base version
 * loses it until it is checked again, so the profile never shows counts for different words.
 */
export function withoutStaleSupport(hypotheses: readonly Hypothesis[], base: readonly Hypothesis[]): Hypothesis[] {
  const statementById = new Map(base.map((hypothesis) => [hypothesis.id, hypothesis.statement]));
  return hypotheses.map((hypothesis) => {
    if (!hypothesis.support || statementById.get(hypothesis.id) === hypothesis.statement) return hypothesis;
    const { support: _stale, ...unchecked } = hypothesis;
    return unchecked;
  });
}
