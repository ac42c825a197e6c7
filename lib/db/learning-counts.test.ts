import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { readActiveLearningView } from './active-profile-view';
import { ensureActiveProfile } from './profiles';
import { addSample } from './sample-writes';
import { countSamplesForLearning } from './samples';

const TEXTS = [
  'Thanks for the notes on the draft, I folded most of them in this morning.',
  'Can we move the planning call to Thursday afternoon? Tuesday is packed.',
  'The invoice went out today, finance expects the payment within thirty days.',
  'I pushed the fix for the login loop, could you check it on your phone?',
  'Quick one: the staging server restarts at six tonight, save your work first.',
  'Lunch on Friday is on me, the team earned it after this release week.',
];

describe('what learning counts, in bounded reads', () => {
  it('counts usable samples up to enough, leaving out those kept out, and the usable ones since a version was learned', async () => {
    const db = freshDatabase();
    const profile = await ensureActiveProfile(db);
    const stored = [];
    for (const text of TEXTS) {
      const added = await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
      if (added.status === 'stored') stored.push(added.sample);
    }
    await db.samples.update(stored[0]!.id, { excluded: true });
    expect(await countSamplesForLearning(db, profile.id, null, 4)).toEqual({ usableUpTo: 4, usableSince: 0 });
    expect(await countSamplesForLearning(db, profile.id, null, 100)).toEqual({ usableUpTo: 5, usableSince: 0 });
    const learnedAt = stored[3]!.storedAt;
    const newer = stored.filter((sample) => sample.storedAt > learnedAt).length;
    expect(await countSamplesForLearning(db, profile.id, learnedAt, 4)).toEqual({ usableUpTo: 4, usableSince: newer });
  });

  it('says nothing was learned and nothing is new for a fresh voice', async () => {
    const db = freshDatabase();
    await ensureActiveProfile(db);
    expect(await readActiveLearningView(db, 4)).toMatchObject({ hypothesisSet: null, usableUpTo: 0, enough: 4, newSinceLearned: 0 });
  });
});
