import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { currentStyleFingerprint } from '@/lib/db/style-profiles';
import type { StyleFingerprint } from '@/lib/style';

/** The active profile's fingerprint, live. */
export function useStyleFingerprint(profileId: string | undefined): StyleFingerprint | undefined {
  return useLiveQuery(async () => {
    if (!profileId) return undefined;
    return currentStyleFingerprint(openIdiolectDatabase(), profileId);
  }, [profileId]);
}
