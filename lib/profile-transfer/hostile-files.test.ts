import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import type { IdiolectDatabase } from '../db/database';
import { renameProfile } from '../db/profiles';
import { MAX_IMPORT_BYTES } from './export-format';
import { exportProfiles } from './export-profiles';
import { importProfiles, readProfileFile } from './import-profiles';

/*
 * A profile file may come from anyone. Whatever it holds, the import either adds new profiles
 * that pass the same checks as everything else, or says why not and changes nothing.
 */

let target: IdiolectDatabase;
let exported: Record<string, any>;
beforeEach(async () => {
  const source = freshDatabase();
  await seedLearnedProfile(source);
  exported = JSON.parse(JSON.stringify(await exportProfiles(source)));
  target = freshDatabase();
  // A voice of another name: one called like the file's would take its samples in (a merge).
  await renameProfile(target, (await seedLearnedProfile(target)).profile.id, 'Already here');
});

async function everythingStored() {
  return {
    profiles: await target.profiles.orderBy('id').toArray(),
    samples: await target.samples.orderBy('id').toArray(),
    hypothesisSets: await target.hypothesisSets.orderBy('id').toArray(),
  };
}

async function expectRefusedAndNothingChanged(text: string, message: RegExp) {
  const before = await everythingStored();
  await expect(importProfiles(target, text)).rejects.toThrow(message);
  expect(await everythingStored()).toEqual(before);
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('a hostile profile file', () => {
  it('over 50 MB is refused before it is read into memory', async () => {
    const before = await everythingStored();
    const huge = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('a file this large must not be read')) };
    await expect(readProfileFile(huge)).rejects.toThrow('This file is too large to be an Idiolect profile (over 50 MB).');
    await expect(importProfiles(target, ' '.repeat(MAX_IMPORT_BYTES + 1))).rejects.toThrow(/too large/);
    expect(await everythingStored()).toEqual(before);
  });

  it.each([
    ['version 0', { version: 0 }],
    ['a version written as text', { version: '1' }],
    ['no version', { version: undefined }],
    ['another format', { format: 'idiolect-settings' }],
  ])('of %s is refused with the reason, and changes nothing', async (_label, patch) => {
    await expectRefusedAndNothingChanged(JSON.stringify({ ...exported, ...patch }), /not a valid Idiolect profile \(at (version|format)\)/);
  });

  it('nested a hundred thousand levels deep where a record belongs is refused, and changes nothing', async () => {
    const text = JSON.stringify(exported).replace('"samples":[', `"samples":[${nested(100_000)},`);
    await expectRefusedAndNothingChanged(text, /not (JSON|a valid Idiolect profile)/);
  });

  it('nested deep in a field Idiolect does not know is imported without that field', async () => {
    const text = JSON.stringify(exported).replace('"profile":{', `"profile":{"extra":${nested(100_000)},`);
    expect(await importProfiles(target, text)).toMatchObject({ profiles: 1 });
    const imported = (await target.profiles.toArray()).find((profile) => profile.name === 'My voice');
    expect(imported).toBeDefined();
    expect(Object.keys(imported!).sort()).toEqual(['createdAt', 'id', 'name']);
  });

  it('with __proto__ and constructor keys inside its records stores plain records and pollutes nothing', async () => {
    const text = JSON.stringify(exported)
      .replace('"profile":{', '"profile":{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}},')
      .replace('"hypotheses":[{', '"hypotheses":[{"__proto__":{"status":"pinned"},');
    await importProfiles(target, text);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const imported = (await target.profiles.toArray()).find((profile) => profile.name === 'My voice')!;
    expect(Object.getPrototypeOf(imported)).toBe(Object.prototype);
    expect((imported as Record<string, unknown>).isAdmin).toBeUndefined();
    const [set] = await target.hypothesisSets.where('profileId').equals(imported.id).toArray();
    // The file's first hypothesis was "inferred"; a status smuggled in through the prototype is not taken.
    expect(set!.hypotheses[0]!.status).toBe(exported.profiles[0].hypothesisSets[0].hypotheses[0].status);
    for (const hypothesis of set!.hypotheses) expect(Object.getPrototypeOf(hypothesis)).toBe(Object.prototype);
  });
});
