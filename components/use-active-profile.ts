import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { latestHypothesisSet } from '@/lib/db/hypothesis-sets';
import type { InferenceJob, Profile } from '@/lib/db/records';
import { readSetting } from '@/lib/db/settings';
import { learnedUpTo, type HypothesisSet } from '@/lib/hyperalign/schema';

export interface ActiveProfileView {
  profile: Profile | null;
  sampleCount: number;
  /** Usable samples stored since the current hypotheses were learned (all of them before that). */
  newSinceLearned: number;
  hypothesisSet: HypothesisSet | null;
  lastJob: InferenceJob | null;
}

/** The active profile as the UI shows it, kept live as the background adds samples and hypotheses. */
export function useActiveProfile(): ActiveProfileView | undefined {
  return useLiveQuery(async () => {
    const db = openIdiolectDatabase();
    const activeId = await readSetting(db, 'activeProfileId');
    const profile = (activeId && (await db.profiles.get(activeId))) || null;
    if (!profile) return { profile: null, sampleCount: 0, newSinceLearned: 0, hypothesisSet: null, lastJob: null };
    const [hypothesisSet, jobs] = await Promise.all([
      latestHypothesisSet(db, profile.id),
      db.jobs.where('profileId').equals(profile.id).sortBy('updatedAt'),
    ]);
    const learnedAt = hypothesisSet ? learnedUpTo(hypothesisSet) : '';
    let sampleCount = 0;
    let newSinceLearned = 0;
    await db.samples
      .where('[profileId+storedAt]')
      .between([profile.id, ''], [profile.id, '\uffff'])
      .filter((sample) => !sample.excluded)
      .each((sample) => {
        sampleCount += 1;
        if (sample.storedAt > learnedAt) newSinceLearned += 1;
      });
    return { profile, sampleCount, newSinceLearned, hypothesisSet: hypothesisSet ?? null, lastJob: jobs.at(-1) ?? null };
  });
}
