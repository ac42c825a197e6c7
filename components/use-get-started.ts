import { readActiveLearningView } from '@/lib/db/active-profile-view';
import { openIdiolectDatabase } from '@/lib/db/database';
import { readSavedSetting, readSetting } from '@/lib/db/settings';
import { MIN_SAMPLES_FOR_INFERENCE } from '@/lib/inference/learning-threshold';
import { getStartedSteps, type GetStartedSteps } from '@/lib/options/get-started';
import { useSettledLiveQuery } from './use-settled-live-query';

/** The guided start's steps, live as the person works through them; undefined while they load. */
export function useGetStarted(): GetStartedSteps | undefined {
  return useSettledLiveQuery(async () => {
    const db = openIdiolectDatabase();
    const [savedLlm, verifiedEndpoint, allowedSites, view] = await Promise.all([
      readSavedSetting(db, 'llm'),
      readSetting(db, 'verifiedEndpoint'),
      readSetting(db, 'allowedSites'),
      readActiveLearningView(db, MIN_SAMPLES_FOR_INFERENCE),
    ]);
    const learnedWith = view.hypothesisSet ? { provider: view.hypothesisSet.provider, model: view.hypothesisSet.model } : null;
    return getStartedSteps({ savedLlm, verifiedEndpoint, learnedWith, allowedSites, usableSamples: view.usableUpTo, samplesNeeded: MIN_SAMPLES_FOR_INFERENCE });
  });
}
