import { useLiveQuery } from 'dexie-react-hooks';
import { readActiveProfileView, type ActiveProfileView } from '@/lib/db/active-profile-view';
import { openIdiolectDatabase } from '@/lib/db/database';

export type { ActiveProfileView };

/** The active profile as the UI shows it, kept live as the background adds samples and hypotheses. */
export function useActiveProfile(): ActiveProfileView | undefined {
  return useLiveQuery(() => readActiveProfileView(openIdiolectDatabase()));
}
