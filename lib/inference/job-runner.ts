import type { IdiolectDatabase } from '../db/database';
import type { LlmClient } from '../llm/types';
import { listUnfinishedJobs, runInferenceJob } from './inference-jobs';

/**
 * Runs persisted inference jobs one at a time. Calling `kick` again while a run is going on
 * queues one more pass, so jobs added meanwhile are not missed and none runs twice at once.
 */
export function createJobRunner(db: IdiolectDatabase, connectLlm: () => Promise<LlmClient>, onError: (error: unknown) => void) {
  let queue: Promise<void> = Promise.resolve();

  async function runUnfinishedJobs(): Promise<void> {
    for (const job of await listUnfinishedJobs(db)) {
      try {
        await runInferenceJob(db, job.id, await connectLlm());
      } catch (error) {
        onError(error);
      }
    }
  }

  return {
    kick(): Promise<void> {
      queue = queue.then(runUnfinishedJobs, runUnfinishedJobs);
      return queue;
    },
  };
}
