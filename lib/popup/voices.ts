import { readProfileView, type ActiveProfileView } from '../db/active-profile-view';
import type { IdiolectDatabase } from '../db/database';
import { listProfiles } from '../db/profiles';
import type { Profile } from '../db/records';
import { readSetting } from '../db/settings';
import type { SettingValue } from '../settings/schema';
import { profileIdForSite } from '../sites/site-profiles';

export interface Voices {
  profiles: Profile[];
  /** The voice the site uses (Sites in the options), or the active one. */
  siteVoice: string | null;
}

/** What decides the voices a site is offered, read in one go (before the site is known, if need be). */
export interface VoiceRecords {
  profiles: Profile[];
  siteProfiles: SettingValue<'siteProfiles'>;
  activeProfileId: SettingValue<'activeProfileId'>;
}

export async function readVoiceRecords(db: IdiolectDatabase): Promise<VoiceRecords> {
  const [profiles, siteProfiles, activeProfileId] = await Promise.all([listProfiles(db), readSetting(db, 'siteProfiles'), readSetting(db, 'activeProfileId')]);
  return { profiles, siteProfiles, activeProfileId };
}

/** The voices, and which one the site `host` uses unless the person picks another in the popup. */
export function voicesFor({ profiles, siteProfiles, activeProfileId }: VoiceRecords, host: string | null): Voices {
  return { profiles, siteVoice: profileIdForSite(host, siteProfiles, activeProfileId, new Set(profiles.map((profile) => profile.id))) };
}

/** Read-only, for live queries. */
export async function readVoices(db: IdiolectDatabase, host: string | null): Promise<Voices> {
  return voicesFor(await readVoiceRecords(db), host);
}

/** The voice the popup writes in: the one picked, while it still exists, else the site's. */
export function chosenVoice(voices: Voices, picked: string | null): string | null {
  return picked && voices.profiles.some((profile) => profile.id === picked) ? picked : voices.siteVoice;
}

/** One voice as the popup shows it, or null when there is none. */
export function readVoiceView(db: IdiolectDatabase, profileId: string | null): Promise<ActiveProfileView | null> {
  return profileId ? readProfileView(db, profileId) : Promise.resolve(null);
}
