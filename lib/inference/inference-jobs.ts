import type { IdiolectDatabase } from '../db/database';
import { latestHypothesisSet } from '../db/hypothesis-sets';
import type { InferenceJob } from '../db/records';
import { listUsableSamples } from '../db/samples';
import { inferHypotheses } from '../hyperalign/infer';
import type { HypothesisSet } from '../hyperalign/schema';
import { selectSamplesForInference } from '../hyperalign/select-samples';
import type { LlmClient } from '../llm/types';

/** HyPerAlign reports useful hypotheses from about four texts; fewer would mostly be noise. */
export const MIN_SAMPLES_FOR_INFERENCE = 4;
export const INFERENCE_TOKEN_BUDGET = 6_000;
export const INFERENCE_MAX_SAMPLES = 12;

/**
 * Queues an inference when the profile has enough samples and some arrived since the last
 * hypothesis set. A job already waiting or running will see them, so none is added then.
 */
export async function queueInferenceIfDue(db: IdiolectDatabase, profileId: string): Promise<InferenceJob | null> {
  return db.transaction('rw', db.samples, db.hypothesisSets, db.jobs, async () => {
    const pending = await db.jobs
      .where('profileId')
      .equals(profileId)
      .filter((job) => job.state === 'queued')
      .first();
    if (pending) return null;
    const samples = await listUsableSamples(db, profileId);
    if (samples.length < MIN_SAMPLES_FOR_INFERENCE) return null;
    const latest = await latestHypothesisSet(db, profileId);
    const seen = new Set(latest?.sampleIds ?? []);
    const since = latest?.createdAt ?? '';
    if (!samples.some((sample) => sample.storedAt > since && !seen.has(sample.id))) return null;
    const now = new Date().toISOString();
    const job: InferenceJob = {
      id: crypto.randomUUID(),
      kind: 'infer',
      profileId,
      state: 'queued',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
      error: null,
      resultSetId: null,
    };
    await db.jobs.add(job);
    return job;
  });
}

export function listUnfinishedJobs(db: IdiolectDatabase): Promise<InferenceJob[]> {
  return db.jobs.where('state').anyOf('queued', 'running').sortBy('createdAt');
}

/**
 * Runs one job to completion. The new hypothesis set and the job's "done" state are written in
 * one transaction, and only while the job is still unfinished, so a job resumed after the worker
 * was stopped never produces two sets.
 */
export async function runInferenceJob(db: IdiolectDatabase, jobId: string, llm: LlmClient): Promise<HypothesisSet | null> {
  const job = await db.transaction('rw', db.jobs, async () => {
    const current = await db.jobs.get(jobId);
    if (!current || current.state === 'done' || current.state === 'failed') return null;
    const running = { ...current, state: 'running' as const, attempts: current.attempts + 1, updatedAt: new Date().toISOString() };
    await db.jobs.put(running);
    return running;
  });
  if (!job) return null;

  try {
    const candidates = await listUsableSamples(db, job.profileId);
    const chosen = selectSamplesForInference(candidates, {
      tokenBudget: INFERENCE_TOKEN_BUDGET,
      maxSamples: INFERENCE_MAX_SAMPLES,
    });
    const inferred = await inferHypotheses(llm, chosen);
    return await db.transaction('rw', db.jobs, db.hypothesisSets, async () => {
      const current = await db.jobs.get(jobId);
      if (!current || current.state !== 'running') return null;
      const latest = await latestHypothesisSet(db, job.profileId);
      const set: HypothesisSet = {
        id: crypto.randomUUID(),
        profileId: job.profileId,
        version: (latest?.version ?? 0) + 1,
        createdAt: new Date().toISOString(),
        hypotheses: inferred.hypotheses,
        attributes: inferred.attributes,
        sampleIds: chosen.map((sample) => sample.id),
        model: llm.model,
        provider: llm.provider,
        usage: inferred.usage,
      };
      await db.hypothesisSets.add(set);
      await db.jobs.put({ ...current, state: 'done', resultSetId: set.id, error: null, updatedAt: set.createdAt });
      return set;
    });
  } catch (error) {
    await db.jobs.update(jobId, {
      state: 'failed',
      error: error instanceof Error ? error.message : String(error),
      updatedAt: new Date().toISOString(),
    });
    throw error;
  }
}
