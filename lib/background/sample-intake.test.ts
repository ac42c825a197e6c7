import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import type { IdiolectDatabase } from '../db/database';
import { writeSetting } from '../db/settings';
import { acceptSubmittedSample } from './sample-intake';

const TEXT = 'Hi Maria, the release moved to Thursday because QA found two blockers. Can you tell the client?';

describe('a text the user sent becomes a sample only where and when collection is allowed', () => {
  let db: IdiolectDatabase;
  beforeEach(async () => {
    db = freshDatabase();
    await writeSetting(db, 'allowedSites', ['mail.example.com']);
  });

  it('stores a text sent on an allowed site, with the site it came from', async () => {
    const verdict = await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: 'client.example' }, 'https://mail.example.com/compose');
    expect(verdict).toEqual({ status: 'stored' });
    const [sample] = await db.samples.toArray();
    expect(sample).toMatchObject({ text: TEXT, site: 'mail.example.com', kind: 'email', recipientDomain: 'client.example', source: 'harvest' });
  });

  it('ignores a page on a site the user has not allowed, even if it sends a message', async () => {
    const verdict = await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://evil.example/');
    expect(verdict).toEqual({ status: 'ignored', reason: 'Collection is not allowed on evil.example.' });
    expect(await db.samples.count()).toBe(0);
  });

  it('stores nothing while collection is paused', async () => {
    await writeSetting(db, 'collectionPaused', true);
    const verdict = await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    expect(verdict).toMatchObject({ status: 'ignored', reason: 'Collection is paused.' });
    expect(await db.samples.count()).toBe(0);
  });

  it('keeps one copy of a text sent twice, even with different spacing and case', async () => {
    await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    const again = await acceptSubmittedSample(
      db,
      { text: `  ${TEXT.toUpperCase().replace(/ /g, '  ')} `, kind: 'email', recipientDomain: null },
      'https://mail.example.com/',
    );
    expect(again).toEqual({ status: 'duplicate' });
    expect(await db.samples.count()).toBe(1);
  });

  it('explains why a very short text is not kept', async () => {
    const verdict = await acceptSubmittedSample(db, { text: 'ok thanks', kind: 'comment', recipientDomain: null }, 'https://mail.example.com/');
    expect(verdict).toEqual({ status: 'ignored', reason: 'Too short to learn from: 2 words, need 5.' });
  });
});
