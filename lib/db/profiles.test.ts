import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { changeHypothesis } from './hypothesis-edits';
import { createProfile, deleteProfile, ensureActiveProfile, switchActiveProfile } from './profiles';
import { readSetting } from './settings';

describe('profiles', () => {
  it('makes a new profile the active one, and switching back works', async () => {
    const db = freshDatabase();
    const first = await ensureActiveProfile(db);
    const work = await createProfile(db, 'Work email');
    expect(await readSetting(db, 'activeProfileId')).toBe(work.id);
    await switchActiveProfile(db, first.id);
    expect((await ensureActiveProfile(db)).id).toBe(first.id);
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
