import { migrate as toVersion2 } from './migrations/v2';

/** The shape of the stored settings; settings stored before versions existed are version 1. */
export const SETTINGS_VERSION = 2;
/** The settings record that holds SETTINGS_VERSION; not a setting itself. */
export const SETTINGS_VERSION_KEY = 'settingsVersion';

type Migration = (settings: Record<string, unknown>) => Record<string, unknown>;

/** Migration N turns version N-1 settings into version N; one file per migration in migrations/. */
export const SETTINGS_MIGRATIONS: Record<number, Migration> = { 2: toVersion2 };

export class SettingsTooNewError extends Error {
  constructor(version: number) {
    super(`These settings were saved by a newer Idiolect (settings version ${version}, this one knows up to ${SETTINGS_VERSION}); update Idiolect to use them.`);
    this.name = 'SettingsTooNewError';
  }
}

/** The stored settings brought to SETTINGS_VERSION, one numbered migration after another. */
export function migrateSettings(settings: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  if (fromVersion > SETTINGS_VERSION) throw new SettingsTooNewError(fromVersion);
  let current = settings;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    const migration = SETTINGS_MIGRATIONS[version];
    if (!migration) throw new Error(`Settings migration ${version} is missing.`);
    current = migration(current);
  }
  return current;
}
