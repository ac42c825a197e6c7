import type { IdiolectDatabase } from './database';
import type { Profile } from './records';
import { readSetting, writeSetting } from './settings';

export const DEFAULT_PROFILE_NAME = 'My voice';

/** The profile new samples go to; created on first use so a new user never sees an empty state error. */
export async function ensureActiveProfile(db: IdiolectDatabase): Promise<Profile> {
  return db.transaction('rw', db.profiles, db.settings, async () => {
    const activeId = await readSetting(db, 'activeProfileId');
    const active = activeId ? await db.profiles.get(activeId) : undefined;
    if (active) return active;
    const existing = await db.profiles.orderBy('createdAt').first();
    const profile = existing ?? {
      id: crypto.randomUUID(),
      name: DEFAULT_PROFILE_NAME,
      createdAt: new Date().toISOString(),
    };
    if (!existing) await db.profiles.add(profile);
    await writeSetting(db, 'activeProfileId', profile.id);
    return profile;
  });
}
