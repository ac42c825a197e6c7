import type { InferenceJob } from '../db/records';
import { STORAGE_FULL_ADVICE } from '../db/storage-full';
import type { OptionsSectionId } from '../options/sections';

/** Where on the options page the person can fix what made learning fail. */
export interface LearningFix {
  section: OptionsSectionId;
  label: string;
}

export type LearningState =
  | { kind: 'idle' }
  | { kind: 'queued' }
  | { kind: 'learning' }
  /** `note`: something the person should know about a run that did finish (e.g. stored unverified). */
  | { kind: 'done'; note: string | null }
  | { kind: 'failed'; error: string; fix: LearningFix | null };

/**
 * The fix for a failed run. A worker stopped mid-way needs no fix (the next run tries again) and a
 * full disk is fixed under "Your data"; every other failure came from the model or its endpoint.
 */
export function fixForLearningFailure(error: string): LearningFix | null {
  if (/was interrupted/i.test(error)) return null;
  if (error.includes(STORAGE_FULL_ADVICE)) return { section: 'your-data', label: 'Free up space under Your data' };
  return { section: 'model', label: 'Check the model settings' };
}

/** The profile's latest learning run as the Profile section reports it. */
export function learningStateOf(job: InferenceJob | null): LearningState {
  switch (job?.state) {
    case undefined:
      return { kind: 'idle' };
    case 'queued':
      return { kind: 'queued' };
    case 'running':
      return { kind: 'learning' };
    case 'done':
      return { kind: 'done', note: job.error };
    case 'failed': {
      const error = job.error ?? 'Learning failed.';
      return { kind: 'failed', error, fix: fixForLearningFailure(error) };
    }
  }
}
