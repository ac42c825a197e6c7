import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { changeHypothesis } from './hypothesis-edits';
import { createProfile, deleteProfile, ensureActiveProfile, renameProfile, restoreDeletedProfile, switchActiveProfile } from './profiles';
import { readSetting, writeSetting } from './settings';
import { readStyleFingerprint } from './style-profiles';

async function everythingOf(db: ReturnType<typeof freshDatabase>) {
  return {
    profiles: await db.profiles.orderBy('id').toArray(),
    samples: await db.samples.orderBy('id').toArray(),
    hypothesisSets: await db.hypothesisSets.orderBy('id').toArray(),
    styleProfiles: await db.styleProfiles.orderBy('profileId').toArray(),
    siteProfiles: await readSetting(db, 'siteProfiles'),
    activeProfileId: await readSetting(db, 'activeProfileId'),
  };
}

describe('profiles', () => {
  it('creates a new voice without making it the active one; switching to it is the person’s choice', async () => {
    const db = freshDatabase();
    const first = await ensureActiveProfile(db);
    const work = await createProfile(db, '  Work email ');
    expect(work.name).toBe('Work email');
    expect(await readSetting(db, 'activeProfileId')).toBe(first.id);
    await switchActiveProfile(db, work.id);
    expect((await ensureActiveProfile(db)).id).toBe(work.id);
  });

  it('refuses a name another voice has, whatever its case and spaces, and says which', async () => {
    const db = freshDatabase();
    await ensureActiveProfile(db);
    const blog = await createProfile(db, 'Blog');
    await expect(createProfile(db, ' my VOICE ')).rejects.toThrow('There is already a voice called “My voice”. Choose another name.');
    await expect(renameProfile(db, blog.id, 'my voice')).rejects.toThrow('There is already a voice called “My voice”.');
    await expect(createProfile(db, '   ')).rejects.toThrow('Give the voice a name.');
    await renameProfile(db, blog.id, ' BLOG ');
    expect((await db.profiles.get(blog.id))!.name).toBe('BLOG');
    expect(await db.profiles.count()).toBe(2);
  });

  it('keeps the last voice', async () => {
    const db = freshDatabase();
    const { profile } = await seedLearnedProfile(db);
    await expect(deleteProfile(db, profile.id)).rejects.toThrow(/keeps at least one voice/);
    expect(await db.samples.count()).toBe(4);
  });

  it('puts a deleted voice back exactly: samples, versions, fingerprint, sites and being active', async () => {
    const db = freshDatabase();
    const { profile } = await seedLearnedProfile(db);
    await readStyleFingerprint(db, profile.id);
    const blog = await createProfile(db, 'Blog');
    await writeSetting(db, 'allowedSites', ['mail.example.com', 'blog.example.org']);
    await writeSetting(db, 'siteProfiles', { 'mail.example.com': profile.id, 'blog.example.org': blog.id });
    const before = await everythingOf(db);

    const deleted = await deleteProfile(db, profile.id);
    expect(deleted).toMatchObject({ samples: { length: 4 }, hypothesisSets: { length: 1 }, sites: ['mail.example.com'], wasActive: true });
    expect(await readSetting(db, 'siteProfiles')).toEqual({ 'blog.example.org': blog.id });
    expect(await readSetting(db, 'activeProfileId')).toBe(blog.id);

    await restoreDeletedProfile(db, JSON.parse(JSON.stringify(deleted)));
    expect(await everythingOf(db)).toEqual(before);
    await expect(restoreDeletedProfile(db, deleted)).rejects.toThrow('“My voice” is already back.');
  });

  it('deletes a profile with its samples and hypotheses, and activates another', async () => {
    const db = freshDatabase();
    const { profile } = await seedLearnedProfile(db);
    const blog = await createProfile(db, 'Blog');
    await switchActiveProfile(db, profile.id);
    await deleteProfile(db, profile.id);
    expect(await db.samples.count()).toBe(0);
    expect(await db.hypothesisSets.count()).toBe(0);
    expect(await readSetting(db, 'activeProfileId')).toBe(blog.id);
  });

  it('records the user’s edits, pins and rejections on the hypotheses', async () => {
    const db = freshDatabase();
    const { set } = await seedLearnedProfile(db);
    const [first, second] = set.hypotheses;
    await db.hypothesisSets.update(set.id, {
      hypotheses: set.hypotheses.map((hypothesis) => ({ ...hypothesis, support: { checked: 3, supported: 1, contradicted: 2 } })),
    });
    await changeHypothesis(db, set.id, first!.id, { kind: 'edit', statement: '  Signs off with “J” and nothing else. ' });
    await changeHypothesis(db, set.id, second!.id, { kind: 'reject' });
    const stored = await db.hypothesisSets.get(set.id);
    expect(stored!.hypotheses.map((hypothesis) => [hypothesis.statement, hypothesis.status])).toEqual([
      ['Signs off with “J” and nothing else.', 'edited'],
      [second!.statement, 'rejected'],
    ]);
    expect(stored!.hypotheses[0]!.support).toBeUndefined();
    await expect(changeHypothesis(db, set.id, first!.id, { kind: 'edit', statement: '   ' })).rejects.toThrow();
  });
});
