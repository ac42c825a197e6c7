import type { IdiolectDatabase } from '../db/database';
import { readProfilesWithRecords } from '../db/profile-records';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ProfileExport } from './export-format';

/** Everything learned for the given profiles (all of them when none are named), ready to save as a file. */
export async function exportProfiles(db: IdiolectDatabase, profileIds?: readonly string[]): Promise<ProfileExport> {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    profiles: await readProfilesWithRecords(db, profileIds),
  };
}

export function exportFileName(now = new Date()): string {
  return `idiolect-profile-${now.toISOString().slice(0, 10)}.json`;
}
