import type { IdiolectDatabase } from '../db/database';
import { readStyleFingerprint } from '../db/style-profiles';
import { queueInferenceIfDue } from '../inference/inference-jobs';

/** What follows a change of samples outside the store: the toolbar badge and the learning runner. */
export interface SamplesChangedEffects {
  refreshBadge(): Promise<void>;
  /** Runs queued learning jobs (not awaited: learning takes as long as the model does). */
  startLearning(): void;
}

/**
 * The one step every change to a profile's samples ends in, wherever it came from (a page, a
 * selection, a paste, a file, a profile file, an exclusion or a deletion): the badge counts
 * today's samples, the stored fingerprint is current, and learning is queued when it is due.
 */
export function samplesChangedStep(db: IdiolectDatabase, effects: SamplesChangedEffects) {
  return async function samplesChanged(profileIds: readonly string[]): Promise<void> {
    await effects.refreshBadge();
    let queued = false;
    for (const profileId of new Set(profileIds)) {
      // Rebuilds the stored fingerprint after a batch, so no reader has to.
      await readStyleFingerprint(db, profileId);
      if (await queueInferenceIfDue(db, profileId)) queued = true;
    }
    if (queued) effects.startLearning();
  };
}
export type SamplesChanged = ReturnType<typeof samplesChangedStep>;
