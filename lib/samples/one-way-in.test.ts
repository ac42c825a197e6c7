import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDatabase } from '../../tests/support/fresh-database';
import { inProcessBackground, TEST_EXTENSION_ORIGIN } from '../../tests/support/in-process-background';
import { rememberRewrite } from '../background/own-rewrites';
import { addSelectionAsSample } from '../background/background-commands';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/sample-writes';
import { writeSetting } from '../db/settings';
import { listUnfinishedJobs } from '../db/jobs';
import { exportProfiles } from '../profile-transfer/export-profiles';
import { styleFingerprintOf } from '../style';

/*
 * Every way a text can arrive ends the same way: the badge counts it, the stored fingerprint
 * includes it, and learning starts once there are enough texts. And a rewrite Idiolect wrote is
 * refused on every one of them.
 */

const TEXTS = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client? Thanks, J',
  'Morning all, quick one: the staging server restarts at 6pm tonight, so save your work before then please. J',
  'Thanks Ben, short answer is yes, we can take the extra ticket this sprint if design signs off by Friday. Cheers, J',
  'Hey Sam, I pushed the fix for the login loop on mobile, could you check it on your phone before lunch? J',
];
const REWRITE = 'Hi Maria, quick heads-up: the release is now on Thursday, since QA found two blockers in payments. Could you let the client know? Thanks, J';
const PAGE = 'https://mail.example.com/compose';

type Background = ReturnType<typeof inProcessBackground>;

/** Each source, adding the given texts the way a person would. */
const SOURCES: Record<string, (background: Background, texts: readonly string[]) => Promise<unknown>> = {
  'sent on an allowed site': async ({ send }, texts) => {
    for (const text of texts) await send('submitSample', { text, kind: 'email', recipientDomain: null }, { url: PAGE, tab: { url: PAGE } });
  },
  'selected on a page': async ({ services }, texts) => {
    for (const text of texts) await addSelectionAsSample(services, { text, pageUrl: 'https://blog.example.org/post' });
  },
  pasted: async ({ send }, texts) => {
    for (const text of texts) await send('addPastedText', text);
  },
  'imported from files': ({ send }, texts) => send('importWriting', { offers: texts.map((text) => ({ text, kind: 'other' })), notOwn: 0 }),
  'imported from a profile file': async ({ send }, texts) => {
    const other = freshDatabase();
    const profile = await ensureActiveProfile(other);
    for (const text of texts) await addSample(other, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    await send('importProfileFile', JSON.stringify(await exportProfiles(other)));
  },
};

async function badgeText(): Promise<string> {
  return browser.action.getBadgeText({});
}

let db: IdiolectDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  await writeSetting(db, 'allowedSites', ['mail.example.com']);
});

describe.each(Object.entries(SOURCES))('a text %s', (_, add) => {
  it('updates the badge and the stored fingerprint, and starts learning at four texts, as harvesting does', async () => {
    const background = inProcessBackground(db);
    await add(background, TEXTS);

    expect(await badgeText()).toBe('4');
    const [stored] = await db.styleProfiles.toArray();
    expect(stored!.fingerprint).toEqual(styleFingerprintOf((await db.samples.toArray()).map((sample) => sample.text)));
    expect(await listUnfinishedJobs(db)).toMatchObject([{ state: 'queued', profileId: stored!.profileId }]);
    expect(background.effects.learningStarts).toBeGreaterThan(0);
  });

  it('refuses a rewrite Idiolect wrote', async () => {
    await rememberRewrite(db, REWRITE);
    await add(inProcessBackground(db), [REWRITE, `${REWRITE}\n\n-- \nJordan Lee | Team lead`]);
    expect(await db.samples.count()).toBe(0);
    expect(await badgeText()).toBe('');
  });
});

describe('what each source is told', () => {
  it('says a refused rewrite was written by Idiolect, in words the page or the options can show', async () => {
    await rememberRewrite(db, REWRITE);
    const { send } = inProcessBackground(db);
    expect(await send('submitSample', { text: REWRITE, kind: 'email', recipientDomain: null }, { url: PAGE })).toEqual({
      status: 'ignored',
      reason: 'This is a rewrite Idiolect wrote; it is not used to learn your voice.',
      label: 'written by Idiolect',
      message: 'Not kept: written by Idiolect.',
    });
    expect(await send('addPastedText', REWRITE)).toEqual({ added: 0, duplicates: 0, skipped: { 'written by Idiolect': 1 }, notOwn: 0 });
  });

  it('counts a kept text towards the first profile, and says when it already has it', async () => {
    const { send } = inProcessBackground(db);
    const sent = (text: string) => send('submitSample', { text, kind: 'email', recipientDomain: null }, { url: PAGE });
    expect(await sent(TEXTS[0]!)).toMatchObject({ status: 'stored', message: 'Kept for learning (1 of 4).', short: false });
    expect(await sent('Sounds good, see you at 3. Thanks!')).toMatchObject({ status: 'stored', message: 'Kept for learning (2 of 4).', short: true });
    expect(await sent(TEXTS[0]!)).toEqual({ status: 'duplicate', message: 'Not kept: already have it.' });
  });

  it('refuses an extension-page command from a content script, and stores nothing', async () => {
    const { send } = inProcessBackground(db);
    await expect(send('addPastedText', TEXTS[0]!, { url: PAGE })).rejects.toThrow('Not allowed from a web page.');
    await expect(send('addPastedText', TEXTS[0]!, { url: `${TEST_EXTENSION_ORIGIN}options.html` })).resolves.toMatchObject({ added: 1 });
    expect(await db.samples.count()).toBe(1);
  });
});
