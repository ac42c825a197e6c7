import { profileIdForSite } from '../sites/site-profiles';
import type { IdiolectDatabase } from './database';
import { ensureActiveProfile, listProfiles, readActiveProfile } from './profiles';
import type { Profile } from './records';
import { readSetting, writeSetting } from './settings';

/** The voice a site uses, and whether the person chose it for that site (otherwise it is the active one). */
export interface SiteVoice {
  profile: Profile;
  chosenForSite: boolean;
}

/** Gives an allowed site a voice of its own (`null`: back to the active profile). */
export async function setSiteVoice(db: IdiolectDatabase, site: string, profileId: string | null): Promise<void> {
  await db.transaction('rw', db.profiles, db.settings, async () => {
    const host = site.trim().toLowerCase();
    if (!(await readSetting(db, 'allowedSites')).includes(host)) throw new Error(`${host} is not one of your sites.`);
    if (profileId !== null && !(await db.profiles.get(profileId))) throw new Error('That voice no longer exists.');
    const { [host]: _previous, ...others } = await readSetting(db, 'siteProfiles');
    await writeSetting(db, 'siteProfiles', profileId === null ? others : { ...others, [host]: profileId });
  });
}

/** Sites no longer allowed lose their voice too, so allowing one again starts from the active profile. */
export async function forgetSiteVoices(db: IdiolectDatabase, sites: readonly string[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const siteProfiles = await readSetting(db, 'siteProfiles');
    if (!sites.some((site) => site in siteProfiles)) return;
    await writeSetting(db, 'siteProfiles', Object.fromEntries(Object.entries(siteProfiles).filter(([site]) => !sites.includes(site))));
  });
}

/** The site's voice by the one rule (lib/sites/site-profiles.ts), and whether the site chose it. */
async function voiceIdOf(db: IdiolectDatabase, host: string | null, activeId: string | null): Promise<{ id: string | null; chosen: boolean }> {
  const siteProfiles = await readSetting(db, 'siteProfiles');
  const existing = new Set((await listProfiles(db)).map((profile) => profile.id));
  const id = profileIdForSite(host, siteProfiles, activeId, existing);
  return { id, chosen: id !== null && host !== null && siteProfiles[host.toLowerCase()] === id };
}

/**
 * The profile texts from `host` go to and rewrites for it are written in: the site's own voice,
 * else the active profile (created on first use). For the background, inside its own transactions.
 */
export async function ensureProfileForSite(db: IdiolectDatabase, host: string | null): Promise<Profile> {
  return db.transaction('rw', db.profiles, db.settings, async () => {
    const active = await ensureActiveProfile(db);
    const { id } = await voiceIdOf(db, host, active.id);
    return (id !== active.id && id !== null && (await db.profiles.get(id))) || active;
  });
}

/** The voice a site uses, read-only (for live queries); null before any profile exists. */
export async function readVoiceForSite(db: IdiolectDatabase, host: string | null): Promise<SiteVoice | null> {
  const active = await readActiveProfile(db);
  const { id, chosen } = await voiceIdOf(db, host, active?.id ?? null);
  const profile = id === null ? null : id === active?.id ? active : await db.profiles.get(id);
  return profile ? { profile, chosenForSite: chosen } : null;
}

/** The voice a rewrite is written in: the one the person picked, when it still exists, else the site's. */
export async function voiceForRewrite(db: IdiolectDatabase, request: { profileId?: string | undefined; site?: string | undefined }): Promise<Profile> {
  const picked = request.profileId === undefined ? undefined : await db.profiles.get(request.profileId);
  return picked ?? ensureProfileForSite(db, request.site ?? null);
}
