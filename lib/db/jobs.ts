import type { OptionsSectionId } from '../options/sections';
import type { HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';
import { latestHypothesisSet } from './hypothesis-sets';
import type { InferenceJob } from './records';

/** A job that was interrupted this many times (the worker stopped mid-way) is given up. */
export const MAX_JOB_ATTEMPTS = 3;

/** What a run holds while it works on a job: only the holder of the current token may settle it. */
export interface JobLease {
  job: InferenceJob;
  token: string;
}

export function listUnfinishedJobs(db: IdiolectDatabase): Promise<InferenceJob[]> {
  return db.jobs.where('state').anyOf('queued', 'running').sortBy('createdAt');
}

/** The profile's most recently updated job: what the popup reports ("Learning your voice…", a failure). */
export async function latestJobOf(db: IdiolectDatabase, profileId: string): Promise<InferenceJob | null> {
  return (await db.jobs.where('profileId').equals(profileId).sortBy('updatedAt')).at(-1) ?? null;
}

/**
 * Adds a queued job for the profile when `isDue` says so and none is waiting already (a job
 * waiting will see the new samples). Decided and written in one transaction, so a burst of
 * triggers queues one job.
 */
export async function queueJobUnlessPending(
  db: IdiolectDatabase,
  profileId: string,
  forced: boolean,
  isDue: () => Promise<boolean>,
): Promise<InferenceJob | null> {
  return db.transaction('rw', db.samples, db.hypothesisSets, db.jobs, async () => {
    const newest = await db.samples.where('[profileId+storedAt]').between([profileId, ''], [profileId, '\uffff']).last();
    // A running job claimed after the newest sample was stored reads it too: two texts sent in
    // quick succession must not queue a second run (which, after a failure, would fail again).
    const pending = await db.jobs
      .where('profileId')
      .equals(profileId)
      .filter((job) => job.state === 'queued' || (job.state === 'running' && newest !== undefined && job.updatedAt >= newest.storedAt))
      .first();
    if (pending || !(await isDue())) return null;
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
      claimToken: null,
      heartbeatAt: null,
      forced,
    };
    await db.jobs.add(job);
    return job;
  });
}

/**
 * Takes a job for this run. A job found 'running' was interrupted (the worker that ran it was
 * stopped), so it is taken over: a new token makes any result of the earlier run unstorable.
 */
export async function claimJob(db: IdiolectDatabase, jobId: string): Promise<JobLease | null> {
  return db.transaction('rw', db.jobs, async () => {
    const current = await db.jobs.get(jobId);
    if (!current || current.state === 'done' || current.state === 'failed') return null;
    const now = new Date().toISOString();
    if (current.attempts >= MAX_JOB_ATTEMPTS) {
      await db.jobs.put({
        ...current,
        state: 'failed',
        updatedAt: now,
        error: `Learning was interrupted ${current.attempts} times (the browser stopped the extension’s background), so it was given up. It will try again when new texts arrive.`,
      });
      return null;
    }
    const token = crypto.randomUUID();
    const job: InferenceJob = { ...current, state: 'running', attempts: current.attempts + 1, updatedAt: now, claimToken: token, heartbeatAt: now };
    await db.jobs.put(job);
    return { job, token };
  });
}

/** Marks that the run holding `token` is alive; false when another run has taken the job. */
export async function renewJobLease(db: IdiolectDatabase, jobId: string, token: string): Promise<boolean> {
  return db.transaction('rw', db.jobs, async () => {
    const current = await db.jobs.get(jobId);
    if (!current || current.claimToken !== token || current.state !== 'running') return false;
    await db.jobs.update(jobId, { heartbeatAt: new Date().toISOString() });
    return true;
  });
}

/** The job as it is now, when the run holding `token` still holds it. */
async function heldJob(db: IdiolectDatabase, jobId: string, token: string): Promise<InferenceJob | null> {
  const now = await db.jobs.get(jobId);
  return now && now.state === 'running' && now.claimToken === token ? now : null;
}

/** Ends a job with nothing to store (nothing new to learn). */
export async function settleJobWithoutResult(db: IdiolectDatabase, jobId: string, token: string): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const now = await heldJob(db, jobId, token);
    if (now) await db.jobs.put({ ...now, state: 'done', updatedAt: new Date().toISOString() });
  });
}

/** Ends a job as failed, with the message the popup shows and where the person can fix it. */
export async function settleJobAsFailed(db: IdiolectDatabase, jobId: string, token: string, error: string, fixIn: OptionsSectionId | null = null): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const now = await heldJob(db, jobId, token);
    if (now) await db.jobs.put({ ...now, state: 'failed', error, fixIn, updatedAt: new Date().toISOString() });
  });
}

/**
 * Stores the new version of the profile and the job's "done" in one transaction, only while this
 * run holds the job, so a job resumed after the worker was stopped never produces two versions.
 * `versionAfter` builds the version on top of the latest one stored at that moment.
 */
export async function settleJobWithVersion(
  db: IdiolectDatabase,
  lease: JobLease,
  versionAfter: (latest: HypothesisSet | undefined) => HypothesisSet,
  note: string | null,
): Promise<HypothesisSet | null> {
  return db.transaction('rw', db.jobs, db.hypothesisSets, async () => {
    const now = await heldJob(db, lease.job.id, lease.token);
    if (!now) return null;
    const set = versionAfter(await latestHypothesisSet(db, lease.job.profileId));
    await db.hypothesisSets.add(set);
    await db.jobs.put({ ...now, state: 'done', resultSetId: set.id, error: note, updatedAt: set.createdAt });
    return set;
  });
}
