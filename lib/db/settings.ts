import { defaultSettings, settingsSchemas, type SettingKey, type SettingValue } from '../settings/schema';
import type { IdiolectDatabase } from './database';

export async function readSetting<K extends SettingKey>(db: IdiolectDatabase, key: K): Promise<SettingValue<K>> {
  const record = await db.settings.get(key);
  if (!record) return defaultSettings[key];
  const parsed = settingsSchemas[key].safeParse(record.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaultSettings[key];
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
