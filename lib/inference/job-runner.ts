import type { IdiolectDatabase } from '../db/database';
import type { LlmClient } from '../llm/types';
import { listUnfinishedJobs, renewJobLease } from '../db/jobs';
import { runInferenceJob } from './inference-jobs';

export interface JobRunnerOptions {
  onError?: (error: unknown) => void;
  /** How often a running job renews its lease, so another run knows it is still alive. */
  heartbeatMs?: number;
  /** Told when there is unfinished work (true) and when there is none left (false), e.g. to set a wake-up alarm. */
  onPending?: (pending: boolean) => void | Promise<void>;
}

/**
 * Runs persisted inference jobs one at a time. Calling `kick` again while a run is going on
 * queues one more pass, so jobs added meanwhile are not missed and none runs twice at once.
 * A job left 'running' by a worker that was stopped is found by the next `kick` and resumed.
 */
export function createJobRunner(db: IdiolectDatabase, connectLlm: () => Promise<LlmClient>, options: JobRunnerOptions = {}) {
  let queue: Promise<void> = Promise.resolve();
  const heartbeatMs = options.heartbeatMs ?? 20_000;

  async function runOne(jobId: string): Promise<void> {
    let timer: ReturnType<typeof setInterval> | undefined;
    try {
      const llm = await connectLlm();
      await runInferenceJob(db, jobId, llm, {
        onClaimed: (token) => {
          timer = setInterval(() => void renewJobLease(db, jobId, token), heartbeatMs);
        },
      });
    } catch (error) {
      options.onError?.(error);
    } finally {
      clearInterval(timer);
    }
  }

  async function runUnfinishedJobs(): Promise<void> {
    const jobs = await listUnfinishedJobs(db);
    if (jobs.length === 0) return;
    await options.onPending?.(true);
    for (const job of jobs) await runOne(job.id);
    if ((await listUnfinishedJobs(db)).length === 0) await options.onPending?.(false);
  }

  return {
    kick(): Promise<void> {
      queue = queue.then(runUnfinishedJobs, runUnfinishedJobs).catch((error: unknown) => options.onError?.(error));
      return queue;
    },
  };
}
