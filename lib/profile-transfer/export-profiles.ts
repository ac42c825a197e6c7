import type { IdiolectDatabase } from '../db/database';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ProfileExport } from './export-format';

/** Everything learned for the given profiles (all of them when none are named), ready to save as a file. */
export async function exportProfiles(db: IdiolectDatabase, profileIds?: readonly string[]): Promise<ProfileExport> {
  return db.transaction('r', db.profiles, db.samples, db.hypothesisSets, async () => {
    const profiles = profileIds
      ? (await db.profiles.bulkGet([...profileIds])).filter((profile) => profile !== undefined)
      : await db.profiles.orderBy('createdAt').toArray();
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      profiles: await Promise.all(
        profiles.map(async (profile) => ({
          profile,
          samples: await db.samples.where('profileId').equals(profile.id).toArray(),
          hypothesisSets: await db.hypothesisSets.where('profileId').equals(profile.id).sortBy('version'),
        })),
      ),
    };
  });
}

export function exportFileName(now = new Date()): string {
  return `idiolect-profile-${now.toISOString().slice(0, 10)}.json`;
}
