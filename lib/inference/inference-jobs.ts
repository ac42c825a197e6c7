import type { IdiolectDatabase } from '../db/database';
import { latestHypothesisSet } from '../db/hypothesis-sets';
import { sectionToFix } from '../llm/where-to-fix';
import { claimJob, queueJobUnlessPending, settleJobAsFailed, settleJobWithoutResult, settleJobWithVersion } from '../db/jobs';
import { FEEDBACK_FOR_REFINEMENT, listRewriteFeedback } from '../db/rewrite-feedback';
import { countUsableSamples, hasUsableSamplesStoredAfter } from '../db/samples';
import type { InferenceJob } from '../db/records';
import { isStorageFull, storageFullMessage } from '../db/storage-full';
import { inferHypotheses } from '../hyperalign/infer';
import { inferencePromptOverheadTokens, type CurrentProfile, type PromptSample } from '../hyperalign/inference-prompt';
import { keepPersonsLatestAttributes, keepPersonsLatestChoices } from '../hyperalign/refine';
import { hypothesisSetSchema, learnedUpTo, type Hypothesis, type HypothesisSet, type TokenUsage } from '../hyperalign/schema';
import { inferenceBudgetFor, selectSamplesForInference } from '../hyperalign/select-samples';
import { applyVerification, hypothesesToVerify, verifyHypotheses, withoutStaleSupport, type Verification } from '../hyperalign/verify';
import { selectHeldOutSamples } from '../hyperalign/verify-samples';
import { LlmError } from '../llm/errors';
import type { LlmClient } from '../llm/types';
import { loadInferenceCandidates } from './candidates';

/** HyPerAlign reports useful hypotheses from about four texts; fewer would mostly be noise. */
export { MIN_SAMPLES_FOR_INFERENCE } from './learning-threshold';
import { MIN_SAMPLES_FOR_INFERENCE } from './learning-threshold';
/** A profile is refined once this many new texts arrived (or at once when the person asks). */
export const NEW_SAMPLES_FOR_REFINEMENT = 3;

/**
 * A first profile needs one new sample (all are new); a refinement waits for a few, unless the
 * person asked. "New" means stored after the samples the latest version could have seen.
 */
async function isInferenceDue(db: IdiolectDatabase, profileId: string, latest: HypothesisSet | undefined, forced: boolean): Promise<boolean> {
  const needed = !latest || forced ? 1 : NEW_SAMPLES_FOR_REFINEMENT;
  return hasUsableSamplesStoredAfter(db, profileId, latest ? learnedUpTo(latest) : '', new Set(latest?.sampleIds ?? []), needed);
}

/**
 * Queues an inference when the profile has enough samples and enough arrived since the last
 * hypothesis set. A job already waiting will see them, so none is added then. Reads are bounded:
 * the cost does not grow with the number of stored samples.
 */
export async function queueInferenceIfDue(
  db: IdiolectDatabase,
  profileId: string,
  options: { force?: boolean } = {},
): Promise<InferenceJob | null> {
  const forced = options.force ?? false;
  return queueJobUnlessPending(db, profileId, forced, async () => {
    if ((await countUsableSamples(db, profileId, MIN_SAMPLES_FOR_INFERENCE)) < MIN_SAMPLES_FOR_INFERENCE) return false;
    return isInferenceDue(db, profileId, await latestHypothesisSet(db, profileId), forced);
  });
}

type VerificationOutcome = { kind: 'verified'; verification: Verification } | { kind: 'skipped' } | { kind: 'failed'; note: string };

/**
 * Checks the new hypotheses against held-out samples when there are any. A failed check never
 * costs the inferred set: it is stored unverified, with a note on the job.
 */
async function verifyIfPossible(
  llm: LlmClient,
  hypotheses: readonly Hypothesis[],
  heldOut: readonly PromptSample[],
  signal?: AbortSignal,
): Promise<VerificationOutcome> {
  if (heldOut.length === 0 || hypothesesToVerify(hypotheses).length === 0) return { kind: 'skipped' };
  try {
    return { kind: 'verified', verification: await verifyHypotheses(llm, hypotheses, heldOut, signal) };
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', note: `Learned, but the hypotheses could not be checked against your other texts, so they are stored unverified. ${reason}` };
  }
}

function verifiedHypotheses(merged: readonly Hypothesis[], base: readonly Hypothesis[], outcome: VerificationOutcome): Hypothesis[] {
  const current = withoutStaleSupport(merged, base);
  if (outcome.kind !== 'verified') return current;
  const verified = applyVerification(current, outcome.verification.checks);
  // Were every hypothesis contradicted, an empty profile would help no one: keep the model's.
  return verified.some((hypothesis) => hypothesis.status !== 'rejected') ? verified : current;
}

function totalUsage(inference: TokenUsage, outcome: VerificationOutcome): TokenUsage {
  if (outcome.kind !== 'verified') return inference;
  const { usage } = outcome.verification;
  return { promptTokens: inference.promptTokens + usage.promptTokens, completionTokens: inference.completionTokens + usage.completionTokens };
}

/** What the popup shows for a failed job: the model's errors are already worded for the person; a full disk is not. */
function jobFailureMessage(error: unknown): string {
  if (isStorageFull(error)) {
    return `${storageFullMessage('the new version of your profile')} Your samples and your current profile are kept; try learning again once there is room.`;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Called with the job's token once it is claimed (the runner uses it for heartbeats). */
  onClaimed?: (token: string) => void;
}

/**
 * Runs one job to completion: selects samples within the model's budget, infers (or refines)
 * the hypotheses, checks them against a few samples inference did not see, and stores the new
 * version (its usage counts both calls). The set and the job's "done" are written in one
 * transaction, and only by the run holding the job's current token, so a job resumed after the
 * worker was stopped never produces two sets.
 */
export async function runInferenceJob(
  db: IdiolectDatabase,
  jobId: string,
  llm: LlmClient,
  options: RunOptions = {},
): Promise<HypothesisSet | null> {
  const lease = await claimJob(db, jobId);
  if (!lease) return null;
  const { job, token } = lease;
  options.onClaimed?.(token);

  try {
    const base = await latestHypothesisSet(db, job.profileId);
    // A job queued while another ran may have nothing left to learn once that one stored its set.
    if (base && !(await isInferenceDue(db, job.profileId, base, job.forced ?? false))) {
      await settleJobWithoutResult(db, jobId, token);
      return null;
    }
    // What the person said of rewrites is evidence about the hypotheses that guided them.
    const feedback = base ? await listRewriteFeedback(db, job.profileId, FEEDBACK_FOR_REFINEMENT) : [];
    const current: CurrentProfile | undefined = base ? { hypotheses: base.hypotheses, attributes: base.attributes, feedback } : undefined;
    const budget = inferenceBudgetFor(await llm.contextWindow(options.signal), inferencePromptOverheadTokens(current));
    const samplesUpTo = new Date().toISOString();
    const candidates = await loadInferenceCandidates(db, job.profileId, base?.sampleIds ?? []);
    const chosen = selectSamplesForInference(candidates, { ...budget, previouslySeen: new Set(base?.sampleIds ?? []) });
    const inferred = await inferHypotheses(llm, chosen, { current, signal: options.signal });
    if (!inferred.hypotheses.some((hypothesis) => hypothesis.status !== 'rejected')) {
      throw new LlmError('The model’s answer held no usable hypotheses about your writing, so nothing was saved.', 'invalid-output');
    }
    // Held out from every sample the hypotheses may rest on: this version's and the base's.
    const seen = new Set([...chosen.map((sample) => sample.id), ...(base?.sampleIds ?? [])]);
    const outcome = await verifyIfPossible(llm, inferred.hypotheses, selectHeldOutSamples(candidates, seen), options.signal);
    const versionAfter = (latest: HypothesisSet | undefined) =>
      hypothesisSetSchema.parse({
        id: crypto.randomUUID(),
        profileId: job.profileId,
        version: (latest?.version ?? 0) + 1,
        createdAt: new Date().toISOString(),
        hypotheses: verifiedHypotheses(
          keepPersonsLatestChoices(inferred.hypotheses, base?.hypotheses ?? [], latest?.hypotheses ?? []),
          base?.hypotheses ?? [],
          outcome,
        ),
        attributes: keepPersonsLatestAttributes(inferred.attributes, latest?.attributes),
        sampleIds: chosen.map((sample) => sample.id),
        basedOnVersion: base?.version ?? null,
        samplesUpTo,
        model: llm.model,
        provider: llm.provider,
        usage: totalUsage(inferred.usage, outcome),
      } satisfies HypothesisSet);
    return await settleJobWithVersion(db, lease, versionAfter, outcome.kind === 'failed' ? outcome.note : null);
  } catch (error) {
    await settleJobAsFailed(db, jobId, token, jobFailureMessage(error), sectionToFix(error));
    throw error;
  }
}
