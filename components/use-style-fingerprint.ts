import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { isFingerprintCurrent, styleFingerprintOf, type StyleFingerprint } from '@/lib/style';

/**
 * The active profile's fingerprint, live. A missing or stale stored one is recomputed in memory
 * here (live queries may not write); the background keeps the stored one current.
 */
export function useStyleFingerprint(profileId: string | undefined): StyleFingerprint | undefined {
  return useLiveQuery(async () => {
    if (!profileId) return undefined;
    const db = openIdiolectDatabase();
    const usable = await db.samples.where('profileId').equals(profileId).filter((sample) => !sample.excluded).toArray();
    const stored = await db.styleProfiles.get(profileId);
    if (stored && isFingerprintCurrent(stored.fingerprint) && stored.fingerprint.samples === usable.length) return stored.fingerprint;
    return styleFingerprintOf(usable.map((sample) => sample.text));
  }, [profileId]);
}
