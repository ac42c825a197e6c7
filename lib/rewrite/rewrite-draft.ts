import type { IdiolectDatabase } from '../db/database';
import { latestHypothesisSet } from '../db/hypothesis-sets';
import { buildRewriteMessages } from '../hyperalign/rewrite-prompt';
import { MIN_SAMPLES_FOR_INFERENCE } from '../inference/inference-jobs';
import type { LlmClient } from '../llm/types';

export class NoProfileYetError extends Error {
  constructor() {
    super(
      `Idiolect has not learned your voice yet: it needs at least ${MIN_SAMPLES_FOR_INFERENCE} texts you wrote, then a moment to study them.`,
    );
    this.name = 'NoProfileYetError';
  }
}

export async function* rewriteDraftInUserVoice(
  db: IdiolectDatabase,
  llm: LlmClient,
  request: { profileId: string; draft: string },
  signal?: AbortSignal,
): AsyncIterable<string> {
  const set = await latestHypothesisSet(db, request.profileId);
  if (!set) throw new NoProfileYetError();
  const messages = buildRewriteMessages({ draft: request.draft, hypotheses: set.hypotheses, attributes: set.attributes });
  yield* llm.streamText({ messages, signal });
}
