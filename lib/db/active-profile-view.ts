import { learnedUpTo, type HypothesisSet } from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';
import { latestHypothesisSet } from './hypothesis-sets';
import { latestJobOf } from './jobs';
import { readActiveProfile } from './profiles';
import type { InferenceJob, Profile } from './records';
import { countSamplesForLearning, countSamplesOfProfile } from './samples';

/** The active profile and what was learned for it, without reading its samples. */
export interface ActiveVoice {
  profile: Profile | null;
  hypothesisSet: HypothesisSet | null;
  lastJob: InferenceJob | null;
}

export interface ActiveProfileView extends ActiveVoice {
  /** Every sample stored, kept out or not (shown as "N samples (M kept out)" everywhere). */
  sampleCount: number;
  /** Samples the person keeps out of learning. */
  keptOutCount: number;
  /** Usable samples stored since the current hypotheses were learned (all of them before that). */
  newSinceLearned: number;
}

async function voiceOf(db: IdiolectDatabase, profile: Profile | null): Promise<ActiveVoice> {
  if (!profile) return { profile: null, hypothesisSet: null, lastJob: null };
  const [hypothesisSet, lastJob] = await Promise.all([latestHypothesisSet(db, profile.id), latestJobOf(db, profile.id)]);
  return { profile, hypothesisSet: hypothesisSet ?? null, lastJob };
}

async function viewOf(db: IdiolectDatabase, profile: Profile | null): Promise<ActiveProfileView> {
  const voice = await voiceOf(db, profile);
  if (!voice.profile) return { ...voice, sampleCount: 0, keptOutCount: 0, newSinceLearned: 0 };
  const counts = await countSamplesOfProfile(db, voice.profile.id, voice.hypothesisSet ? learnedUpTo(voice.hypothesisSet) : '');
  return { ...voice, sampleCount: counts.total, keptOutCount: counts.keptOut, newSinceLearned: counts.usableSince };
}

/**
 * The active profile and its learning, for live queries that should not wake on every sample
 * change (the samples table counts for itself).
 */
export async function readActiveVoice(db: IdiolectDatabase): Promise<ActiveVoice> {
  return voiceOf(db, await readActiveProfile(db));
}

/** The active profile as the popup and options page show it, with its sample counts; read-only, for live queries. */
export async function readActiveProfileView(db: IdiolectDatabase): Promise<ActiveProfileView> {
  return viewOf(db, await readActiveProfile(db));
}

/** One voice as the popup shows it (the one chosen for the site, or picked); read-only, for live queries. */
export async function readProfileView(db: IdiolectDatabase, profileId: string): Promise<ActiveProfileView> {
  return viewOf(db, (await db.profiles.get(profileId)) ?? null);
}

/** The active profile as learning sees it: enough samples yet, and how many are new since the last version. */
export interface LearningView extends ActiveVoice {
  /** Usable samples, counted up to `enough` (so with 10,000 stored only a few are read). */
  usableUpTo: number;
  enough: number;
  newSinceLearned: number;
}

/** For live queries of pages that show learning (the Profile section, the guided start) and should stay light however many samples there are. */
export async function readActiveLearningView(db: IdiolectDatabase, enough: number): Promise<LearningView> {
  const voice = await readActiveVoice(db);
  if (!voice.profile) return { ...voice, usableUpTo: 0, enough, newSinceLearned: 0 };
  const counts = await countSamplesForLearning(db, voice.profile.id, voice.hypothesisSet ? learnedUpTo(voice.hypothesisSet) : null, enough);
  return { ...voice, usableUpTo: counts.usableUpTo, enough, newSinceLearned: counts.usableSince };
}
