import { useLiveQuery } from 'dexie-react-hooks';
import { readActiveLearningView, readActiveProfileView, readActiveVoice, type ActiveProfileView, type ActiveVoice, type LearningView } from '@/lib/db/active-profile-view';
import { MIN_SAMPLES_FOR_INFERENCE } from '@/lib/inference/learning-threshold';
import { openIdiolectDatabase } from '@/lib/db/database';
import { useSettledLiveQuery } from './use-settled-live-query';

export type { ActiveProfileView, ActiveVoice, LearningView };

/** The active profile as the popup shows it, kept live as the background adds samples and hypotheses. */
export function useActiveProfile(): ActiveProfileView | undefined {
  return useLiveQuery(() => readActiveProfileView(openIdiolectDatabase()));
}

/** The active profile and what was learned, live, without waking on every sample change. */
export function useActiveVoice(): ActiveVoice | undefined {
  return useLiveQuery(() => readActiveVoice(openIdiolectDatabase()));
}

/** The active profile as learning sees it, in bounded reads: for the Profile section and the guided start. */
export function useActiveLearning(): LearningView | undefined {
  return useSettledLiveQuery(() => readActiveLearningView(openIdiolectDatabase(), MIN_SAMPLES_FOR_INFERENCE));
}
