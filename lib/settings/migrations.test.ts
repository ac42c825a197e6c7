import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { readSetting, unreadableSettings, writeSetting } from '../db/settings';
import { migrateSettings, SETTINGS_MIGRATIONS, SETTINGS_VERSION, SETTINGS_VERSION_KEY, SettingsTooNewError } from './migrations';
import { settingsSchemas, type SettingKey } from './schema';

const fixture = (version: number) =>
  JSON.parse(readFileSync(new URL(`../../tests/fixtures/settings/v${version}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('settings migrations', () => {
  it('has one numbered migration for every version after the first', () => {
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number).sort()).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, index) => index + 2));
  });

  it('2: the endpoint of version 1 settings says no context size was set, and nothing else changes', () => {
    const v1 = fixture(1);
    const v2 = SETTINGS_MIGRATIONS[2]!(v1);
    expect(v2).toEqual({ ...v1, llm: { provider: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.1', contextTokens: null } });
    expect(SETTINGS_MIGRATIONS[2]!(v2)).toEqual(v2);
  });

  it('brings version 1 settings to today’s, every one readable by today’s schemas', () => {
    const current = migrateSettings(fixture(1), 1);
    for (const [key, value] of Object.entries(current)) expect(settingsSchemas[key as SettingKey].safeParse(value).success, key).toBe(true);
  });

  it('refuses to guess at settings from a newer version', () => {
    expect(() => migrateSettings({}, SETTINGS_VERSION + 1)).toThrow(SettingsTooNewError);
  });
});

describe('stored settings across versions', () => {
  it('reads a version 1 store as today’s, and writes it back migrated, with its version, on the next change', async () => {
    const db = freshDatabase();
    await db.settings.bulkPut(Object.entries(fixture(1)).map(([key, value]) => ({ key, value })));
    expect(await readSetting(db, 'llm')).toMatchObject({ provider: 'ollama', contextTokens: null });
    expect(await db.settings.get(SETTINGS_VERSION_KEY)).toBeUndefined();

    await writeSetting(db, 'collectionPaused', true);
    expect(await db.settings.get(SETTINGS_VERSION_KEY)).toEqual({ key: SETTINGS_VERSION_KEY, value: SETTINGS_VERSION });
    expect((await db.settings.get('llm'))!.value).toMatchObject({ contextTokens: null });
    expect(await readSetting(db, 'allowedSites')).toEqual(['mail.example.com']);
  });

  it('reports a stored setting that does not read instead of silently replacing it, and keeps it as stored', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'allowedSites', value: 'mail.example.com' });
    expect(await readSetting(db, 'allowedSites')).toEqual([]);
    expect(await unreadableSettings(db)).toEqual([{ key: 'allowedSites', problem: expect.stringMatching(/array/) }]);
    expect((await db.settings.get('allowedSites'))!.value).toBe('mail.example.com');
  });
});
