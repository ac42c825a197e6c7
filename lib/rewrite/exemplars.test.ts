import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/sample-writes';
import { formatSamplesAsData } from '../hyperalign/inference-prompt';
import { loadRewriteExemplars } from './rewrite-draft';

const LONG = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? Thanks, J',
  'Morning all, quick one: the staging server restarts at 6pm tonight for the database upgrade, so save your work before then please. J',
  'Thanks Ben, short answer is yes, we can take the extra ticket this sprint if design signs off on the mockups by Friday. Cheers, J',
];
const SHORT = ['Sounds good, see you at 3. Thanks! J', 'Yep, works for me. Cheers, J'];

async function profileWith(texts: Array<{ text: string; kind: 'email' | 'comment' }>) {
  const db = freshDatabase();
  const profile = await ensureActiveProfile(db);
  for (const { text, kind } of texts) await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind, source: 'harvest' });
  return { db, profileId: profile.id };
}

describe('the examples a rewrite is shown', () => {
  it('are of the draft’s length first: a short reply is shown the person’s short replies', async () => {
    const { db, profileId } = await profileWith([...SHORT, ...LONG].map((text) => ({ text, kind: 'email' })));
    const forShort = await loadRewriteExemplars(db, profileId, 'email', 'Fine by me, see you then.');
    expect(forShort.slice(0, 2).map((sample) => sample.text).sort()).toEqual([...SHORT].sort());
    const forLong = await loadRewriteExemplars(db, profileId, 'email', LONG[0]!);
    expect(forLong.map((sample) => sample.text).sort()).toEqual([...LONG].sort());
  });

  it('are of the draft’s kind, and of any kind only when the person has none of it', async () => {
    const { db, profileId } = await profileWith([{ text: SHORT[0]!, kind: 'comment' }, ...LONG.map((text) => ({ text, kind: 'email' as const }))]);
    expect((await loadRewriteExemplars(db, profileId, 'comment', 'Nice one.')).map((sample) => sample.text)).toEqual([SHORT[0]]);
    expect(await loadRewriteExemplars(db, profileId, 'post', 'A new post.')).toHaveLength(3);
  });
});

describe('short texts in the inference prompt', () => {
  it('are marked short, so the model reads them together for greetings, closings and brevity', () => {
    const data = formatSamplesAsData(
      [
        { id: 'a', text: SHORT[0]!, kind: 'email', site: 'mail.example.com' },
        { id: 'b', text: LONG[0]!, kind: 'email', site: 'mail.example.com' },
      ],
      (sample) => (sample.id === 'a' ? 's1' : 's2'),
    );
    expect(data).toContain('<sample id="s1" kind="email" site="mail.example.com" length="short">');
    expect(data).toContain('<sample id="s2" kind="email" site="mail.example.com">');
  });
});
