import { learnedUpTo, type HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';
import { latestHypothesisSet } from './hypothesis-sets';
import { latestJobOf } from './jobs';
import { readActiveProfile } from './profiles';
import type { InferenceJob, Profile } from './records';
import { countUsableSamplesSince } from './samples';

export interface ActiveProfileView {
  profile: Profile | null;
  /** Samples Idiolect may learn from (not excluded). */
  sampleCount: number;
  /** Usable samples stored since the current hypotheses were learned (all of them before that). */
  newSinceLearned: number;
  hypothesisSet: HypothesisSet | null;
  lastJob: InferenceJob | null;
}

/** The active profile as the popup and options page show it; read-only, for live queries. */
export async function readActiveProfileView(db: IdiolectDatabase): Promise<ActiveProfileView> {
  return viewOf(db, await readActiveProfile(db));
}

/** One voice as the popup shows it (the one chosen for the site, or picked); read-only, for live queries. */
export async function readProfileView(db: IdiolectDatabase, profileId: string): Promise<ActiveProfileView> {
  return viewOf(db, (await db.profiles.get(profileId)) ?? null);
}

async function viewOf(db: IdiolectDatabase, profile: Profile | null): Promise<ActiveProfileView> {
  if (!profile) return { profile: null, sampleCount: 0, newSinceLearned: 0, hypothesisSet: null, lastJob: null };
  const [hypothesisSet, lastJob] = await Promise.all([latestHypothesisSet(db, profile.id), latestJobOf(db, profile.id)]);
  const counts = await countUsableSamplesSince(db, profile.id, hypothesisSet ? learnedUpTo(hypothesisSet) : '');
  return { profile, sampleCount: counts.usable, newSinceLearned: counts.since, hypothesisSet: hypothesisSet ?? null, lastJob };
}
