import { defaultSettings, settingsSchemas, type SettingKey, type SettingValue } from '../settings/schema';
import type { IdiolectDatabase } from './database';

export async function readSetting<K extends SettingKey>(db: IdiolectDatabase, key: K): Promise<SettingValue<K>> {
  const record = await db.settings.get(key);
  if (!record) return defaultSettings[key];
  const parsed = settingsSchemas[key].safeParse(record.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaultSettings[key];
}

/** The setting as the person saved it, or null when they never did (or what is stored no longer reads). */
export async function readSavedSetting<K extends SettingKey>(db: IdiolectDatabase, key: K): Promise<SettingValue<K> | null> {
  const record = await db.settings.get(key);
  const parsed = record ? settingsSchemas[key].safeParse(record.value) : null;
  return parsed?.success ? (parsed.data as SettingValue<K>) : null;
}

/** Reads, changes and writes one setting in one transaction, so two changes at once both count. */
export async function updateSetting<K extends SettingKey>(
  db: IdiolectDatabase,
  key: K,
  change: (current: SettingValue<K>) => SettingValue<K>,
): Promise<SettingValue<K>> {
  return db.transaction('rw', db.settings, async () => writeSetting(db, key, change(await readSetting(db, key))));
}

export async function writeSetting<K extends SettingKey>(
  db: IdiolectDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<SettingValue<K>> {
  const valid = settingsSchemas[key].parse(value) as SettingValue<K>;
  await db.settings.put({ key, value: valid });
  return valid;
}
