import type { InferenceJob } from '../db/records';
import { sectionTitle, type OptionsSectionId } from '../options/sections';

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

const FIX_LABELS: Partial<Record<OptionsSectionId, string>> = {
  model: 'Check the model settings',
  'your-data': 'Free up space under Your data',
};

/** The fix the failed run named when it failed (lib/llm/where-to-fix.ts); none when trying again is the fix. */
function fixOf(job: InferenceJob): LearningFix | null {
  if (!job.fixIn) return null;
  return { section: job.fixIn, label: FIX_LABELS[job.fixIn] ?? `Open ${sectionTitle(job.fixIn)}` };
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
      return { kind: 'failed', error, fix: fixOf(job) };
    }
  }
}
