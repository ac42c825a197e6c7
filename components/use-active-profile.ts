import { useLiveQuery } from 'dexie-react-hooks';
import { readActiveProfileView, readActiveVoice, type ActiveProfileView, type ActiveVoice } from '@/lib/db/active-profile-view';
import { openIdiolectDatabase } from '@/lib/db/database';

export type { ActiveProfileView, ActiveVoice };

/** The active profile as the popup shows it, kept live as the background adds samples and hypotheses. */
export function useActiveProfile(): ActiveProfileView | undefined {
  return useLiveQuery(() => readActiveProfileView(openIdiolectDatabase()));
}

/** The active profile and what was learned, live, without waking on every sample change. */
export function useActiveVoice(): ActiveVoice | undefined {
  return useLiveQuery(() => readActiveVoice(openIdiolectDatabase()));
}
