import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { styleFingerprintOf } from '../style';
import { IdiolectDatabase } from './database';
import { listRewriteFeedback, saveRewriteFeedback } from './rewrite-feedback';
import { countSamplesOfProfile } from './samples';
import { readSetting } from './settings';
import { readStyleFingerprint } from './style-profiles';

const V1_TABLES = {
  profiles: 'id, createdAt',
  samples: 'id, profileId, [profileId+contentHash], [profileId+storedAt]',
  hypothesisSets: 'id, profileId, [profileId+version]',
  jobs: 'id, state, profileId',
  settings: 'key',
};
type Fixture = Record<keyof typeof V1_TABLES, Array<Record<string, unknown>>>;
const v1Store = JSON.parse(readFileSync(new URL('../../tests/fixtures/db/v1-store.json', import.meta.url), 'utf8')) as Fixture;

async function writeVersion1Store(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_TABLES);
  await v1.open();
  for (const table of Object.keys(V1_TABLES) as Array<keyof typeof V1_TABLES>) await v1.table(table).bulkAdd(v1Store[table]);
  v1.close();
}

describe('opening a store written by an older version', () => {
  it('upgrades version 1 data to the current schema without losing anything the user had', async () => {
    const name = `idiolect-migration-${crypto.randomUUID()}`;
    await writeVersion1Store(name);
    const db = new IdiolectDatabase(name);

    expect(await db.samples.count()).toBe(v1Store.samples.length);
    expect((await db.hypothesisSets.toArray())[0]!.hypotheses[0]!.status).toBe('pinned');
    expect(await readSetting(db, 'allowedSites')).toEqual(['mail.example.com']);
    expect((await readSetting(db, 'llm')).model).toBe('gpt-4o-mini');

    const profileId = String(v1Store.profiles[0]!.id);
    const usable = v1Store.samples.filter((sample) => !sample.excluded).map((sample) => String(sample.text));
    // The fingerprint is derived data: built from the kept samples on first read, then stored.
    expect(await readStyleFingerprint(db, profileId)).toEqual(styleFingerprintOf(usable));
    expect((await db.styleProfiles.get(profileId))!.fingerprint).toEqual(styleFingerprintOf(usable));
    db.close();
  });

  it('upgrades a version 2 store to one that keeps the person’s verdicts on rewrites, starting with none', async () => {
    const name = `idiolect-migration-${crypto.randomUUID()}`;
    const v2 = JSON.parse(readFileSync(new URL('../../tests/fixtures/db/v2-store.json', import.meta.url), 'utf8')) as Fixture & { _stores: Record<string, string>; styleProfiles: unknown[] };
    const old = new Dexie(name);
    old.version(2).stores(v2._stores);
    await old.open();
    for (const table of [...Object.keys(V1_TABLES), 'styleProfiles'] as Array<keyof Fixture>) await old.table(table).bulkAdd((v2 as unknown as Record<string, unknown[]>)[table]!);
    old.close();

    const db = new IdiolectDatabase(name);
    const profileId = String(v2.profiles[0]!.id);
    expect(await listRewriteFeedback(db, profileId)).toEqual([]);
    const feedback = { id: 'rewrite-1', profileId, verdict: 'not-like-me' as const, note: 'Too formal', rewrite: 'Dear all, …', hypothesisIds: ['h1'], setId: 'set-1', createdAt: new Date().toISOString() };
    await saveRewriteFeedback(db, feedback);
    expect(await listRewriteFeedback(db, profileId)).toEqual([feedback]);
    expect(await db.samples.count()).toBe(v2.samples.length);
    // Its stored fingerprint predates rare word pieces (and the vocabulary): read, it is rebuilt with them.
    const usable = v2.samples.filter((sample) => sample.profileId === profileId && !sample.excluded).map((sample) => String(sample.text));
    const rebuilt = await readStyleFingerprint(db, profileId);
    expect(rebuilt).toEqual(styleFingerprintOf(usable));
    expect(rebuilt.rare.total).toBeGreaterThan(0);
    db.close();
  });

  it('upgrades a version 3 store so its kept-out samples are counted from their index, as they were before', async () => {
    const name = `idiolect-migration-${crypto.randomUUID()}`;
    const v3 = JSON.parse(readFileSync(new URL('../../tests/fixtures/db/v3-store.json', import.meta.url), 'utf8')) as { _stores: Record<string, string> } & Record<string, Array<Record<string, unknown>>>;
    const old = new Dexie(name);
    old.version(3).stores(v3._stores);
    await old.open();
    for (const table of Object.keys(v3._stores)) await old.table(table).bulkAdd(v3[table]!);
    old.close();

    const db = new IdiolectDatabase(name);
    const profileId = String(v3.profiles![0]!.id);
    const keptOut = v3.samples!.filter((sample) => sample.excluded).length;
    expect(keptOut).toBeGreaterThan(0);
    expect(await countSamplesOfProfile(db, profileId, '')).toEqual({ total: v3.samples!.length, keptOut, usableSince: v3.samples!.length - keptOut });
    db.close();
  });
});
