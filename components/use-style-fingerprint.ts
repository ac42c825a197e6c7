import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { isStoredFingerprintFresh } from '@/lib/db/style-profiles';
import { styleFingerprintOf, type StyleFingerprint } from '@/lib/style';

/**
 * The active profile's fingerprint, live. A missing or stale stored one is recomputed in memory
 * here (live queries may not write); the background keeps the stored one current.
 */
export function useStyleFingerprint(profileId: string | undefined): StyleFingerprint | undefined {
  return useLiveQuery(async () => {
    if (!profileId) return undefined;
    const db = openIdiolectDatabase();
    const usable = db.samples.where('profileId').equals(profileId).filter((sample) => !sample.excluded);
    const stored = await db.styleProfiles.get(profileId);
    if (isStoredFingerprintFresh(stored, await usable.count())) return stored.fingerprint;
    return styleFingerprintOf((await usable.toArray()).map((sample) => sample.text));
  }, [profileId]);
}
