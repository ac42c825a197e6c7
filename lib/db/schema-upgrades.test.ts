import Dexie from 'dexie';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { hypothesisSetSchema } from '../hyperalign/schema';
import { settingsSchemas, type SettingKey } from '../settings/schema';
import { IdiolectDatabase } from './database';
import { inferenceJobSchema, profileSchema, rewriteFeedbackSchema, sampleSchema, settingRecordSchema, styleProfileSchema } from './records';

/**
 * Every schema version the extension ever shipped has a fixture of the data it wrote
 * (tests/fixtures/db/v<N>-store.json, with the table definitions of that version under
 * "_stores"). Opening each with today's code must keep every record exactly as it was, and each
 * must still read with today's zod schemas, which is what the rest of the code relies on.
 */
interface Fixture {
  _stores: Record<string, string>;
  [table: string]: unknown;
}

const fixtureUrl = (version: number) => new URL(`../../tests/fixtures/db/v${version}-store.json`, import.meta.url);

const RECORD_SCHEMAS: Record<string, z.ZodType> = {
  profiles: profileSchema,
  samples: sampleSchema,
  hypothesisSets: hypothesisSetSchema,
  jobs: inferenceJobSchema,
  settings: settingRecordSchema,
  styleProfiles: styleProfileSchema,
  rewriteFeedback: rewriteFeedbackSchema,
};

async function currentSchemaVersion(): Promise<number> {
  const db = new IdiolectDatabase(`idiolect-version-${crypto.randomUUID()}`);
  await db.open();
  const version = db.verno;
  db.close();
  return version;
}

async function writeOldStore(name: string, version: number, fixture: Fixture): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(version).stores(fixture._stores);
  await old.open();
  const written: Record<string, unknown[]> = {};
  for (const table of Object.keys(fixture._stores)) {
    written[table] = (fixture[table] as unknown[] | undefined) ?? [];
    await old.table(table).bulkAdd(written[table]);
  }
  old.close();
  return written;
}

const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));

describe('upgrading from every earlier schema version', async () => {
  const current = await currentSchemaVersion();
  const earlier = Array.from({ length: current - 1 }, (_, index) => index + 1);

  it('has a fixture of the data each earlier version wrote', () => {
    expect(current).toBeGreaterThan(1);
    for (const version of earlier) expect(existsSync(fixtureUrl(version)), `tests/fixtures/db/v${version}-store.json is missing`).toBe(true);
  });

  it.each(earlier)('keeps every record of a version %i store, field for field, readable by today’s schemas', async (version) => {
    const fixture = JSON.parse(readFileSync(fixtureUrl(version), 'utf8')) as Fixture;
    const name = `idiolect-upgrade-v${version}-${crypto.randomUUID()}`;
    const written = await writeOldStore(name, version, fixture);
    expect(Object.values(written).every((records) => records.length > 0), 'a fixture table is empty, so it proves nothing').toBe(true);

    const db = new IdiolectDatabase(name);
    await db.open();
    expect(db.verno).toBe(current);
    for (const [table, records] of Object.entries(written)) {
      const key = db.table(table).schema.primKey.keyPath as string;
      const stored = (await db.table(table).toArray()) as Array<Record<string, unknown>>;
      expect(stored.sort(byKey(key)), `table ${table}`).toEqual([...(records as Array<Record<string, unknown>>)].sort(byKey(key)));
      for (const record of stored) expect(RECORD_SCHEMAS[table]!.safeParse(record).success, `${table} ${String(record[key])}`).toBe(true);
    }
    for (const setting of written.settings as Array<{ key: SettingKey; value: unknown }>) {
      expect(settingsSchemas[setting.key].safeParse(setting.value).success, `setting ${setting.key}`).toBe(true);
    }
    db.close();
  });
});
