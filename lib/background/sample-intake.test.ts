import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import type { IdiolectDatabase } from '../db/database';
import { writeSetting } from '../db/settings';
import { rememberRewrite } from './own-rewrites';
import { acceptSubmittedSample as admitSentText, previewSubmittedSample } from './sample-intake';

/** The verdict on one sent text, as the content script receives it. */
const acceptSubmittedSample = async (...args: Parameters<typeof admitSentText>) => (await admitSentText(...args)).verdicts[0]!;

const TEXT =
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? Thanks, J';

describe('a text the user sent becomes a sample only where and when collection is allowed', () => {
  let db: IdiolectDatabase;
  beforeEach(async () => {
    db = freshDatabase();
    await writeSetting(db, 'allowedSites', ['mail.example.com']);
  });

  it('stores a text sent on an allowed site, with the site it came from', async () => {
    const verdict = await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: 'client.example' }, 'https://mail.example.com/compose');
    expect(verdict).toMatchObject({ status: 'stored' });
    const [sample] = await db.samples.toArray();
    expect(sample).toMatchObject({ text: TEXT, site: 'mail.example.com', kind: 'email', recipientDomain: 'client.example', source: 'harvest' });
  });

  it('ignores a page on a site the user has not allowed, even if it sends a message', async () => {
    const verdict = await acceptSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://evil.example/');
    expect(verdict).toMatchObject({ status: 'ignored', reason: 'Collection is not allowed on evil.example.' });
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
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(await db.samples.count()).toBe(1);
  });

  it('explains why a very short text is not kept', async () => {
    const verdict = await acceptSubmittedSample(db, { text: 'ok thanks', kind: 'comment', recipientDomain: null }, 'https://mail.example.com/');
    expect(verdict).toMatchObject({ status: 'ignored', reason: 'Too short: 2 words, need 4.' });
  });

  it('keeps only the user’s own words from a reply: no quoted thread, no signature', async () => {
    const reply = `${TEXT}\n\n-- \nJordan Lee | Team lead | +1 555 0100\n\nOn Tue, 3 Mar 2026 at 09:12, Maria Rossi <maria@client.example> wrote:\n> Could you confirm the release date for the client?\n> Thanks, Maria`;
    await acceptSubmittedSample(db, { text: reply, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    const [sample] = await db.samples.toArray();
    expect(sample!.text).toBe(TEXT);
    expect(sample!.language).toBe('en');
  });

  it('does not learn from a rewrite Idiolect produced when the user sends it unchanged', async () => {
    await rememberRewrite(db, TEXT);
    const verdict = await acceptSubmittedSample(db, { text: `${TEXT}\n`, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    expect(verdict).toMatchObject({ status: 'ignored', reason: 'This is a rewrite Idiolect wrote; it is not used to learn your voice.' });
    expect(await db.samples.count()).toBe(0);
  });

  it('replaces email addresses and phone numbers when the user asked for redaction', async () => {
    await writeSetting(db, 'redactBeforeStoring', true);
    const text = `${TEXT} You can reach me at jordan.lee@example.com or on +1 415 555 0100 any time today.`;
    await acceptSubmittedSample(db, { text, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    const [sample] = await db.samples.toArray();
    expect(sample!.text).not.toMatch(/jordan\.lee@example\.com|555 0100/);
    expect(sample!.text).toContain('[email]');
  });
});

describe('what a sent text would become, asked before the review card is shown', () => {
  let db: IdiolectDatabase;
  beforeEach(async () => {
    db = freshDatabase();
    await writeSetting(db, 'allowedSites', ['mail.example.com']);
  });

  it('says a new text would be kept, counting it, and stores nothing', async () => {
    const preview = await previewSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    expect(preview).toMatchObject({ status: 'stored', message: 'Kept for learning (1 of 4).' });
    expect(await db.samples.count()).toBe(0);
  });

  it('says a text already kept, or sent while paused, would not be', async () => {
    await admitSentText(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://mail.example.com/');
    expect(await previewSubmittedSample(db, { text: TEXT, kind: 'email', recipientDomain: null }, 'https://mail.example.com/')).toMatchObject({ status: 'duplicate', message: 'Not kept: already have it.' });
    await writeSetting(db, 'collectionPaused', true);
    expect(await previewSubmittedSample(db, { text: `${TEXT} Again.`, kind: 'email', recipientDomain: null }, 'https://mail.example.com/')).toMatchObject({ message: 'Not kept: collection is paused.' });
    expect(await db.samples.count()).toBe(1);
  });
});
