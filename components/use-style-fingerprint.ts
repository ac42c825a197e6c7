import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { StyleFingerprint } from '@/lib/style';

/**
 * The active profile's fingerprint, live. The style code and its reference data load after the
 * popup's first render, not before it.
 */
export function useStyleFingerprint(profileId: string | undefined): StyleFingerprint | undefined {
  return useLiveQuery(async () => {
    if (!profileId) return undefined;
    const { currentStyleFingerprint } = await import('@/lib/db/style-profiles');
    return currentStyleFingerprint(openIdiolectDatabase(), profileId);
  }, [profileId]);
}
