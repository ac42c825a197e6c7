import { z } from 'zod';
import { hypothesisSetSchema } from '../hyperalign/schema';
import { profileNameProblem } from '../profiles/profile-names';
import type { IdiolectDatabase } from './database';
import { profileSchema, rewriteFeedbackSchema, sampleSchema, styleProfileSchema, type Profile } from './records';
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

/** Refuses a name that is empty, too long or another voice's (ignoring case and spaces around it), saying which. */
async function checkName(db: IdiolectDatabase, name: string, exceptId?: string): Promise<string> {
  const problem = profileNameProblem(name, await listProfiles(db), exceptId);
  if (problem) throw new Error(problem);
  return name.trim();
}

/**
 * A separate voice (work mail, personal blog) with its own samples and hypotheses. It does not
 * become the active one: texts keep going where they went until the person says otherwise.
 */
export async function createProfile(db: IdiolectDatabase, name: string): Promise<Profile> {
  return db.transaction('rw', db.profiles, db.settings, async () => {
    // The first voice of a new store is the active one (ensureActiveProfile would pick it anyway).
    await ensureActiveProfile(db);
    const profile = newProfile(await checkName(db, name));
    await db.profiles.add(profile);
    return profile;
  });
}

export async function renameProfile(db: IdiolectDatabase, profileId: string, name: string): Promise<void> {
  await db.transaction('rw', db.profiles, async () => {
    if (!(await db.profiles.get(profileId))) throw new Error('That voice no longer exists.');
    await db.profiles.update(profileId, { name: await checkName(db, name, profileId) });
  });
}

export async function switchActiveProfile(db: IdiolectDatabase, profileId: string): Promise<void> {
  await db.transaction('rw', db.profiles, db.settings, async () => {
    if (!(await db.profiles.get(profileId))) throw new Error('That profile no longer exists.');
    await writeSetting(db, 'activeProfileId', profileId);
  });
}

/** Everything a deleted voice took with it, as it was: what "Undo" puts back. */
export const deletedProfileSchema = z.object({
  profile: profileSchema,
  samples: z.array(sampleSchema).max(200_000),
  hypothesisSets: z.array(hypothesisSetSchema).max(10_000),
  styleProfile: styleProfileSchema.nullable(),
  /** What the person said of rewrites in this voice. */
  rewriteFeedback: z.array(rewriteFeedbackSchema).max(10_000).default([]),
  /** The sites that used this voice. */
  sites: z.array(z.string()).max(1_000),
  wasActive: z.boolean(),
});
export type DeletedProfile = z.infer<typeof deletedProfileSchema>;

export const LAST_PROFILE_MESSAGE = 'Idiolect keeps at least one voice: create another one before deleting this one.';

/**
 * Deletes a profile with everything learned for it, and the sites' choice of it; another profile
 * becomes active. The last profile is kept. Returns what went, so it can be put back.
 */
export async function deleteProfile(db: IdiolectDatabase, profileId: string): Promise<DeletedProfile> {
  return db.transaction('rw', [db.profiles, db.samples, db.hypothesisSets, db.jobs, db.settings, db.styleProfiles, db.rewriteFeedback], async () => {
    const profile = await db.profiles.get(profileId);
    if (!profile) throw new Error('That voice no longer exists.');
    if ((await db.profiles.count()) <= 1) throw new Error(LAST_PROFILE_MESSAGE);
    const siteProfiles = await readSetting(db, 'siteProfiles');
    const deleted: DeletedProfile = {
      profile,
      samples: await db.samples.where('profileId').equals(profileId).toArray(),
      hypothesisSets: await db.hypothesisSets.where('profileId').equals(profileId).sortBy('version'),
      styleProfile: (await db.styleProfiles.get(profileId)) ?? null,
      rewriteFeedback: await db.rewriteFeedback.where('[profileId+createdAt]').between([profileId, ''], [profileId, '\uffff']).toArray(),
      sites: Object.keys(siteProfiles).filter((site) => siteProfiles[site] === profileId),
      wasActive: (await readSetting(db, 'activeProfileId')) === profileId,
    };
    await db.rewriteFeedback.bulkDelete(deleted.rewriteFeedback.map((item) => item.id));
    await db.samples.where('profileId').equals(profileId).delete();
    await db.styleProfiles.delete(profileId);
    await db.hypothesisSets.where('profileId').equals(profileId).delete();
    await db.jobs.where('profileId').equals(profileId).delete();
    await db.profiles.delete(profileId);
    if (deleted.sites.length > 0) {
      await writeSetting(db, 'siteProfiles', Object.fromEntries(Object.entries(siteProfiles).filter(([, id]) => id !== profileId)));
    }
    if (deleted.wasActive) {
      const next = await db.profiles.orderBy('createdAt').first();
      await writeSetting(db, 'activeProfileId', next?.id ?? null);
    }
    return deleted;
  });
}

/**
 * "Undo" after a delete: the voice, its samples, versions and fingerprint exactly as they were,
 * the sites that used it (those still allowed and not given another voice since), and whether it was active.
 */
export async function restoreDeletedProfile(db: IdiolectDatabase, deleted: DeletedProfile): Promise<Profile> {
  return db.transaction('rw', [db.profiles, db.samples, db.hypothesisSets, db.settings, db.styleProfiles, db.rewriteFeedback], async () => {
    if (await db.profiles.get(deleted.profile.id)) throw new Error(`“${deleted.profile.name}” is already back.`);
    await checkName(db, deleted.profile.name);
    await db.profiles.add(deleted.profile);
    await db.samples.bulkAdd(deleted.samples.map((sample) => ({ ...sample, profileId: deleted.profile.id })));
    await db.hypothesisSets.bulkAdd(deleted.hypothesisSets.map((set) => ({ ...set, profileId: deleted.profile.id })));
    await db.rewriteFeedback.bulkPut(deleted.rewriteFeedback.map((item) => ({ ...item, profileId: deleted.profile.id })));
    if (deleted.styleProfile) await db.styleProfiles.put({ ...deleted.styleProfile, profileId: deleted.profile.id });
    const [allowed, siteProfiles] = [await readSetting(db, 'allowedSites'), await readSetting(db, 'siteProfiles')];
    const regained = deleted.sites.filter((site) => allowed.includes(site) && siteProfiles[site] === undefined);
    if (regained.length > 0) {
      await writeSetting(db, 'siteProfiles', { ...siteProfiles, ...Object.fromEntries(regained.map((site) => [site, deleted.profile.id])) });
    }
    if (deleted.wasActive) await writeSetting(db, 'activeProfileId', deleted.profile.id);
    return deleted.profile;
  });
}
