import type { IdiolectDatabase } from './database';
import { profileSchema, type Profile } from './records';
import { readSetting, writeSetting } from './settings';

export const DEFAULT_PROFILE_NAME = 'My voice';

/** The profile new samples go to; created on first use so a new user never sees an empty state error. */
export async function ensureActiveProfile(db: IdiolectDatabase): Promise<Profile> {
  return db.transaction('rw', db.profiles, db.settings, async () => {
    const activeId = await readSetting(db, 'activeProfileId');
    const active = activeId ? await db.profiles.get(activeId) : undefined;
    if (active) return active;
    const existing = await db.profiles.orderBy('createdAt').first();
    const profile = existing ?? newProfile(DEFAULT_PROFILE_NAME);
    if (!existing) await db.profiles.add(profile);
    await writeSetting(db, 'activeProfileId', profile.id);
    return profile;
  });
}

/** Every profile, oldest first. */
export function listProfiles(db: IdiolectDatabase): Promise<Profile[]> {
  return db.profiles.orderBy('createdAt').toArray();
}

/** The active profile without creating one: for readers (live queries may not write). */
export async function readActiveProfile(db: IdiolectDatabase): Promise<Profile | null> {
  const activeId = await readSetting(db, 'activeProfileId');
  return (activeId && (await db.profiles.get(activeId))) || null;
}

function newProfile(name: string): Profile {
  return profileSchema.parse({ id: crypto.randomUUID(), name: name.trim(), createdAt: new Date().toISOString() });
}

/** A separate voice (work mail, personal blog) with its own samples and hypotheses; it becomes the active one. */
export async function createProfile(db: IdiolectDatabase, name: string): Promise<Profile> {
  const profile = newProfile(name);
  await db.transaction('rw', db.profiles, db.settings, async () => {
    await db.profiles.add(profile);
    await writeSetting(db, 'activeProfileId', profile.id);
  });
  return profile;
}

export async function renameProfile(db: IdiolectDatabase, profileId: string, name: string): Promise<void> {
  const { name: valid } = profileSchema.pick({ name: true }).parse({ name: name.trim() });
  await db.profiles.update(profileId, { name: valid });
}

export async function switchActiveProfile(db: IdiolectDatabase, profileId: string): Promise<void> {
  await db.transaction('rw', db.profiles, db.settings, async () => {
    if (!(await db.profiles.get(profileId))) throw new Error('That profile no longer exists.');
    await writeSetting(db, 'activeProfileId', profileId);
  });
}

/** Deletes a profile with everything learned for it; another profile becomes active. */
export async function deleteProfile(db: IdiolectDatabase, profileId: string): Promise<void> {
  await db.transaction('rw', [db.profiles, db.samples, db.hypothesisSets, db.jobs, db.settings, db.styleProfiles, db.rewriteFeedback], async () => {
    await db.rewriteFeedback.where('[profileId+createdAt]').between([profileId, ''], [profileId, '\uffff']).delete();
    await db.samples.where('profileId').equals(profileId).delete();
    await db.styleProfiles.delete(profileId);
    await db.hypothesisSets.where('profileId').equals(profileId).delete();
    await db.jobs.where('profileId').equals(profileId).delete();
    await db.profiles.delete(profileId);
    if ((await readSetting(db, 'activeProfileId')) === profileId) {
      const next = await db.profiles.orderBy('createdAt').first();
      await writeSetting(db, 'activeProfileId', next?.id ?? null);
    }
  });
}
