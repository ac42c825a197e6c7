import type { IdiolectDatabase } from './database';
import { listProfiles } from './profiles';
import type { Profile } from './records';
import { readSetting } from './settings';

/** One voice as the Profile and Sites sections list it. */
export interface VoiceListing {
  profile: Profile;
  /** Every sample of the voice, kept out of learning or not: what deleting it would take. */
  sampleCount: number;
  hypothesisVersions: number;
  /** New texts from sites without a voice of their own go here. */
  active: boolean;
  /** Allowed sites that chose this voice, sorted. */
  sites: string[];
}

/** Every voice, oldest first, with its counts and sites; read-only, for live queries. */
export async function listVoices(db: IdiolectDatabase): Promise<VoiceListing[]> {
  const profiles = await listProfiles(db);
  const activeId = await readSetting(db, 'activeProfileId');
  const siteProfiles = await readSetting(db, 'siteProfiles');
  const allowed = await readSetting(db, 'allowedSites');
  const counts = await Promise.all(
    profiles.map(async (profile) => [
      await db.samples.where('profileId').equals(profile.id).count(),
      await db.hypothesisSets.where('profileId').equals(profile.id).count(),
    ]),
  );
  // With no active voice stored yet, the oldest is the one new texts would go to.
  const effectiveActiveId = profiles.some((profile) => profile.id === activeId) ? activeId : (profiles[0]?.id ?? null);
  return profiles.map((profile, index) => ({
    profile,
    sampleCount: counts[index]![0]!,
    hypothesisVersions: counts[index]![1]!,
    active: profile.id === effectiveActiveId,
    sites: allowed.filter((site) => siteProfiles[site] === profile.id).sort(),
  }));
}

/** How much Idiolect keeps, counted: what "Your data" shows and "Delete all my data" would remove. */
export async function countStoredRecords(db: IdiolectDatabase): Promise<{ profiles: number; samples: number; hypothesisSets: number; sites: number }> {
  return {
    profiles: await db.profiles.count(),
    samples: await db.samples.count(),
    hypothesisSets: await db.hypothesisSets.count(),
    sites: (await readSetting(db, 'allowedSites')).length,
  };
}
