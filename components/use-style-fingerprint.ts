import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { StyleFingerprint } from '@/lib/style';

/**
 * The active profile's fingerprint, live. A missing or stale stored one is recomputed in memory
 * here (live queries may not write); the background keeps the stored one current. The style code
 * and its reference data load after the popup's first render, not before it.
 */
export function useStyleFingerprint(profileId: string | undefined): StyleFingerprint | undefined {
  return useLiveQuery(async () => {
    if (!profileId) return undefined;
    const db = openIdiolectDatabase();
    const usable = db.samples.where('profileId').equals(profileId).filter((sample) => !sample.excluded);
    const stored = await db.styleProfiles.get(profileId);
    const { isStoredFingerprintFresh } = await import('@/lib/db/style-profiles');
    if (isStoredFingerprintFresh(stored, await usable.count())) return stored.fingerprint;
    const { styleFingerprintOf } = await import('@/lib/style');
    return styleFingerprintOf((await usable.toArray()).map((sample) => sample.text));
  }, [profileId]);
}
