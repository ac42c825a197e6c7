import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { readSetting } from '@/lib/db/settings';
import type { SettingKey, SettingValue } from '@/lib/settings/schema';

/** A setting as stored, live; undefined while it loads. */
export function useSetting<K extends SettingKey>(key: K): SettingValue<K> | undefined {
  return useLiveQuery(() => readSetting(openIdiolectDatabase(), key), [key]);
}
