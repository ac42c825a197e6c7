import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useFakeModel } from '../../tests/support/fake-model';
import { freshDatabase } from '../../tests/support/fresh-database';
import { inProcessBackground } from '../../tests/support/in-process-background';
import type { IdiolectDatabase } from '../db/database';
import { createProfile, ensureActiveProfile, type DeletedProfile } from '../db/profiles';
import { readSetting, writeSetting } from '../db/settings';
import type { HypothesisSet } from '../hyperalign/schema';
import type { RewriteEvent } from '../rewrite/rewrite-port';
import { serveRewritePort } from './rewrite-service';

/*
 * A site may have its own voice ("mail.google.com writes as Work email"): what is sent there is
 * kept in that voice, and a rewrite for a page there is written in it. Other sites use the active one.
 */

const MAIL = 'https://mail.example.com/compose';
const TEXT = 'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client? Thanks, J';
const model = useFakeModel();

let db: IdiolectDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  await writeSetting(db, 'allowedSites', ['mail.example.com', 'blog.example.org']);
});

async function voices() {
  const personal = await ensureActiveProfile(db);
  const work = await createProfile(db, 'Work email');
  return { personal, work };
}

function learned(profileId: string, statement: string): HypothesisSet {
  return {
    id: crypto.randomUUID(),
    profileId,
    version: 1,
    createdAt: new Date().toISOString(),
    hypotheses: [{ id: crypto.randomUUID(), category: 'style', statement, evidence: [], confidence: 0.8, status: 'inferred' }],
    attributes: { role: null, domain: null, audiences: [], facts: [] },
    sampleIds: [],
    model: 'fake-model',
    provider: 'custom',
    usage: { promptTokens: 0, completionTokens: 0 },
  };
}

/** The rewrite as the popup asks for it over its port; resolves with the system prompt the model saw. */
async function systemPromptOfRewrite(start: { site?: string; profileId?: string }, senderUrl = 'chrome-extension://idiolecttest/popup.html'): Promise<string> {
  const listeners: Array<(message: unknown) => void> = [];
  let finish!: (event: RewriteEvent) => void;
  const finished = new Promise<RewriteEvent>((resolve) => (finish = resolve));
  const port = {
    name: 'idiolect-rewrite',
    sender: { url: senderUrl },
    postMessage: (event: RewriteEvent) => event.type !== 'delta' && finish(event),
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  model.server.script({ content: 'Hi all, the demo is Tuesday.' });
  serveRewritePort(port, db, async () => model.client());
  for (const listener of listeners) listener({ type: 'start', draft: 'Dear all, the demo is on Tuesday.', ...start });
  expect(await finished).toMatchObject({ type: 'done' });
  return model.server.chatRequests.at(-1)!.chat.systemPrompt;
}

describe('a site with its own voice', () => {
  it('keeps a text sent there in that voice, and texts from other sites in the active one', async () => {
    const { personal, work } = await voices();
    const { send } = inProcessBackground(db);
    await send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });
    await send('submitSample', { text: TEXT, kind: 'email', recipientDomain: null }, { url: MAIL });
    await send('submitSample', { text: `${TEXT} See you there.`, kind: 'post', recipientDomain: null }, { url: 'https://blog.example.org/new' });
    expect((await db.samples.where('profileId').equals(work.id).toArray()).map((sample) => sample.site)).toEqual(['mail.example.com']);
    expect((await db.samples.where('profileId').equals(personal.id).toArray()).map((sample) => sample.site)).toEqual(['blog.example.org']);
    expect(await readSetting(db, 'activeProfileId')).toBe(personal.id);
  });

  it('counts a text about to be reviewed there against that voice, and knows a duplicate of it', async () => {
    const { work } = await voices();
    const { send } = inProcessBackground(db);
    await send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });
    const submission = { text: TEXT, kind: 'email' as const, recipientDomain: null };
    await send('submitSample', submission, { url: MAIL });
    expect(await send('previewSample', submission, { url: MAIL })).toEqual({ status: 'duplicate', message: 'Not kept: already have it.' });
    expect(await send('previewSample', { ...submission, text: `${TEXT} One more thing.` }, { url: MAIL })).toMatchObject({ status: 'stored', learning: { usable: 2 } });
  });

  it('writes a rewrite for a page there with that voice’s hypotheses; a voice picked for the rewrite wins', async () => {
    const { personal, work } = await voices();
    await db.hypothesisSets.bulkAdd([learned(work.id, 'Opens with “Hi team”.'), learned(personal.id, 'Writes in lower case.')]);
    await inProcessBackground(db).send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });

    const onMail = await systemPromptOfRewrite({ site: 'mail.example.com' });
    expect(onMail).toContain('Opens with “Hi team”.');
    expect(onMail).not.toContain('Writes in lower case.');
    expect(await systemPromptOfRewrite({ site: 'blog.example.org' })).toContain('Writes in lower case.');
    expect(await systemPromptOfRewrite({ site: 'mail.example.com', profileId: personal.id })).toContain('Writes in lower case.');
  });

  it('writes a rewrite asked for in a page there (the in-page card) in that voice, whatever site the page names', async () => {
    const { personal, work } = await voices();
    await db.hypothesisSets.bulkAdd([learned(work.id, 'Opens with “Hi team”.'), learned(personal.id, 'Writes in lower case.')]);
    await inProcessBackground(db).send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });
    expect(await systemPromptOfRewrite({ site: 'blog.example.org' }, MAIL)).toContain('Opens with “Hi team”.');
  });

  it('is told to the popup by voiceForSite', async () => {
    const { personal, work } = await voices();
    const { send } = inProcessBackground(db);
    await send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });
    expect(await send('voiceForSite', 'mail.example.com')).toEqual({ profile: work, chosenForSite: true });
    expect(await send('voiceForSite', 'blog.example.org')).toEqual({ profile: personal, chosenForSite: false });
    await send('setSiteVoice', { site: 'mail.example.com', profileId: null });
    expect(await send('voiceForSite', 'mail.example.com')).toEqual({ profile: personal, chosenForSite: false });
  });

  it('is forgotten when the site is removed or the voice deleted, and comes back with Undo', async () => {
    // Removing a site re-registers the harvesting script, which the fake browser leaves to the test.
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => []);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue();
    const { work } = await voices();
    const { send } = inProcessBackground(db);
    await send('setSiteVoice', { site: 'mail.example.com', profileId: work.id });
    await send('setSiteVoice', { site: 'blog.example.org', profileId: work.id });
    await send('disallowSite', 'blog.example.org');
    expect(await readSetting(db, 'siteProfiles')).toEqual({ 'mail.example.com': work.id });
    const deleted = await send('deleteProfile', work.id);
    expect(await readSetting(db, 'siteProfiles')).toEqual({});
    await send('restoreProfile', deleted as DeletedProfile);
    expect(await readSetting(db, 'siteProfiles')).toEqual({ 'mail.example.com': work.id });
  });

  it('can only be given to an allowed site, and only a voice that exists', async () => {
    await voices();
    const { send } = inProcessBackground(db);
    await expect(send('setSiteVoice', { site: 'news.example.net', profileId: null })).rejects.toThrow('news.example.net is not one of your sites.');
    await expect(send('setSiteVoice', { site: 'mail.example.com', profileId: 'gone' })).rejects.toThrow('That voice no longer exists.');
    expect(await readSetting(db, 'siteProfiles')).toEqual({});
  });
});
