import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { applyAttributesChange, changeAttributes } from './hypothesis-edits';

const learned = { role: 'Team lead', domain: 'software', audiences: ['colleagues'], facts: ['Works in Lisbon'] };

describe('the person’s “About you”', () => {
  it('marks as theirs exactly the fields they changed, tidied', () => {
    const changed = applyAttributesChange(learned, {
      role: '  Engineering   manager ',
      domain: 'software',
      audiences: ['colleagues'],
      facts: ['Works in Lisbon', '', 'has a dog', 'Has a dog'],
    });
    expect(changed).toEqual({ role: 'Engineering manager', domain: 'software', audiences: ['colleagues'], facts: ['Works in Lisbon', 'has a dog'], edited: ['role', 'facts'] });
    expect(applyAttributesChange(changed, { ...changed, domain: ' ' })).toMatchObject({ domain: null, edited: ['role', 'facts', 'domain'] });
    expect(applyAttributesChange(learned, learned)).toEqual(learned);
  });

  it('refuses what the schema does not allow, and changes nothing', async () => {
    const db = freshDatabase();
    const { set } = await seedLearnedProfile(db);
    await expect(changeAttributes(db, set.id, { ...learned, role: 'x'.repeat(201) })).rejects.toThrow('Keep the role under 200 characters.');
    expect((await db.hypothesisSets.get(set.id))!.attributes).toEqual(set.attributes);
    await changeAttributes(db, set.id, { ...learned, audiences: [] });
    const stored = await db.hypothesisSets.get(set.id);
    expect(stored!.attributes).toEqual({ role: 'Team lead', domain: 'software', audiences: [], facts: ['Works in Lisbon'], edited: ['audiences', 'facts'] });
  });
});
