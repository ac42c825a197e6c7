import { migrateSettings, SETTINGS_VERSION, SETTINGS_VERSION_KEY } from '../settings/migrations';
import { defaultSettings, settingsSchemas, type SettingKey, type SettingValue } from '../settings/schema';
import type { IdiolectDatabase } from './database';
import type { SettingRecord } from './records';

interface StoredSettings {
  version: number;
  /** Brought to SETTINGS_VERSION, in memory. */
  values: Record<string, unknown>;
}

const RECORD_KEYS = [...Object.keys(settingsSchemas), SETTINGS_VERSION_KEY];

/**
 * The stored settings records, by key. Each reader awaits this itself, one level deep: a live
 * query (the popup's, the options page's) stops tracking the tables read after an await nested
 * deeper than that.
 */
function readRecords(db: IdiolectDatabase) {
  return db.settings.bulkGet(RECORD_KEYS);
}

/** Every stored setting at the current version; the store itself is migrated on the next write. */
function storedSettingsOf(records: ReadonlyArray<SettingRecord | undefined>): StoredSettings {
  const present = records.filter((record) => record !== undefined);
  const raw = Object.fromEntries(present.filter((record) => record.key !== SETTINGS_VERSION_KEY).map((record) => [record.key, record.value]));
  const stamp = present.find((record) => record.key === SETTINGS_VERSION_KEY)?.value;
  const version = typeof stamp === 'number' && Number.isInteger(stamp) ? stamp : 1;
  // A newer Idiolect's settings are read as they are: what does not read is reported, not rewritten.
  return { version, values: version > SETTINGS_VERSION ? raw : migrateSettings(raw, version) };
}

/** A stored setting that does not read: said, so a setting the person chose never silently becomes the default. */
export interface SettingProblem {
  key: SettingKey;
  problem: string;
}

function problemOf<K extends SettingKey>(key: K, value: unknown): SettingProblem | null {
  const parsed = settingsSchemas[key].safeParse(value);
  return parsed.success ? null : { key, problem: parsed.error.issues.map((issue) => issue.message).join('; ') };
}

/** The stored settings that do not read (a newer version's, or damaged), for the options page to show. */
export async function unreadableSettings(db: IdiolectDatabase): Promise<SettingProblem[]> {
  const { values } = storedSettingsOf(await readRecords(db));
  return (Object.keys(settingsSchemas) as SettingKey[]).flatMap((key) => (key in values ? (problemOf(key, values[key]) ?? []) : []));
}

export async function readSetting<K extends SettingKey>(db: IdiolectDatabase, key: K): Promise<SettingValue<K>> {
  const { values } = storedSettingsOf(await readRecords(db));
  if (!(key in values)) return defaultSettings[key];
  const parsed = settingsSchemas[key].safeParse(values[key]);
  if (parsed.success) return parsed.data as SettingValue<K>;
  // Kept as stored (a later version may read it); Idiolect works on with the default meanwhile.
  console.warn(`Idiolect: the stored setting "${key}" does not read, so its default is used until it is saved again: ${problemOf(key, values[key])?.problem}`);
  return defaultSettings[key];
}

/** The setting as the person saved it, or null when they never did (or what is stored no longer reads). */
export async function readSavedSetting<K extends SettingKey>(db: IdiolectDatabase, key: K): Promise<SettingValue<K> | null> {
  const { values } = storedSettingsOf(await readRecords(db));
  const parsed = key in values ? settingsSchemas[key].safeParse(values[key]) : null;
  return parsed?.success ? (parsed.data as SettingValue<K>) : null;
}

/** Reads, changes and writes one setting in one transaction, so two changes at once both count. */
/**
 * `stopped` is checked inside the transaction, so work stopped by "Delete all my data" while it
 * was on its way cannot write after the wipe's own transaction.
 */
export async function updateSetting<K extends SettingKey>(
  db: IdiolectDatabase,
  key: K,
  change: (current: SettingValue<K>) => SettingValue<K>,
  stopped?: AbortSignal,
): Promise<SettingValue<K> | undefined> {
  return db.transaction('rw', db.settings, async () => (stopped?.aborted ? undefined : writeSetting(db, key, change(await readSetting(db, key)))));
}

/** Writes one setting; settings of an older version are first written back migrated, with the version. */
export async function writeSetting<K extends SettingKey>(
  db: IdiolectDatabase,
  key: K,
  value: SettingValue<K>,
): Promise<SettingValue<K>> {
  const valid = settingsSchemas[key].parse(value) as SettingValue<K>;
  await db.transaction('rw', db.settings, async () => {
    const stored = storedSettingsOf(await readRecords(db));
    if (stored.version < SETTINGS_VERSION) {
      await db.settings.bulkPut(Object.entries(stored.values).map(([storedKey, storedValue]) => ({ key: storedKey, value: storedValue })));
      await db.settings.put({ key: SETTINGS_VERSION_KEY, value: SETTINGS_VERSION });
    }
    await db.settings.put({ key, value: valid });
  });
  return valid;
}
