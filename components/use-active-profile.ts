import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { latestHypothesisSet } from '@/lib/db/hypothesis-sets';
import type { InferenceJob, Profile } from '@/lib/db/records';
import { readSetting } from '@/lib/db/settings';
import type { HypothesisSet } from '@/lib/hyperalign/schema';

export interface ActiveProfileView {
  profile: Profile | null;
  sampleCount: number;
  hypothesisSet: HypothesisSet | null;
  lastJob: InferenceJob | null;
}

/** The active profile as the UI shows it, kept live as the background adds samples and hypotheses. */
export function useActiveProfile(): ActiveProfileView | undefined {
  return useLiveQuery(async () => {
    const db = openIdiolectDatabase();
    const activeId = await readSetting(db, 'activeProfileId');
    const profile = (activeId && (await db.profiles.get(activeId))) || null;
    if (!profile) return { profile: null, sampleCount: 0, hypothesisSet: null, lastJob: null };
    const [sampleCount, hypothesisSet, jobs] = await Promise.all([
      db.samples.where('profileId').equals(profile.id).filter((sample) => !sample.excluded).count(),
      latestHypothesisSet(db, profile.id),
      db.jobs.where('profileId').equals(profile.id).sortBy('updatedAt'),
    ]);
    return { profile, sampleCount, hypothesisSet: hypothesisSet ?? null, lastJob: jobs.at(-1) ?? null };
  });
}
