import { describe, expect, it } from 'vitest';
import { MAX_OFFERED_CHARS } from '../samples/sample-offer';
import { backgroundMessages, type BackgroundMessage } from './messages';
import { acceptedPort } from './ports';
import { isFromExtensionPage } from './sender-check';
import { NOT_FROM_WEB_PAGES, servedListener, type MessageHandler } from './serve-messages';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';
const OPTIONS_PAGE = { url: `${EXTENSION}options.html` };
const POLICY = { collecting: true, paused: false, reviewBeforeSaving: false, showSentTextNotices: true };
const WEB_PAGE = { url: 'https://mail.google.com/mail/u/0/', tab: { url: 'https://mail.google.com/mail/u/0/' } };

/** A handler that records that it ran; what it answers does not matter when the sender is refused. */
function recordingHandler() {
  const calls: unknown[] = [];
  const handler = (input: unknown) => {
    calls.push(input);
    return undefined;
  };
  return { calls, handler: handler as MessageHandler<BackgroundMessage> };
}

describe('messages the background accepts', () => {
  it('takes settings changes only from the extension’s own pages', () => {
    expect(isFromExtensionPage('chrome-extension://abcdefghijklmnop/options.html', EXTENSION)).toBe(true);
    expect(isFromExtensionPage('https://mail.google.com/mail/u/0/', EXTENSION)).toBe(false);
    expect(isFromExtensionPage('chrome-extension://someotherextension/popup.html', EXTENSION)).toBe(false);
    expect(isFromExtensionPage(undefined, EXTENSION)).toBe(false);
  });

  it('refuses a malformed or oversized sample from a content script', () => {
    const submission = backgroundMessages.submitSample.input;
    expect(submission.safeParse({ text: 'Hello there', kind: 'email', recipientDomain: null }).data).toEqual({
      text: 'Hello there',
      kind: 'email',
      recipientDomain: null,
    });
    expect(submission.safeParse({ text: 'x'.repeat(MAX_OFFERED_CHARS + 1), kind: 'email', recipientDomain: null }).success).toBe(false);
    expect(submission.safeParse({ text: 'Hello', kind: 'password', recipientDomain: null }).success).toBe(false);
    expect(submission.safeParse('Hello').success).toBe(false);
  });

  it('refuses a content script every message not declared for content scripts, before its handler runs', async () => {
    const closed = (Object.keys(backgroundMessages) as BackgroundMessage[]).filter((name) => backgroundMessages[name].audience !== 'content-scripts');
    expect(closed.length).toBeGreaterThan(20);
    for (const name of closed) {
      const { calls, handler } = recordingHandler();
      await expect(servedListener(name, handler, EXTENSION)({ data: undefined, sender: WEB_PAGE }), name).rejects.toThrow(NOT_FROM_WEB_PAGES);
      expect(calls, name).toEqual([]);
    }
  });

  it('declares only the messages of the harvesting script and the in-page card open to content scripts', () => {
    const open = (Object.keys(backgroundMessages) as BackgroundMessage[]).filter((name) => backgroundMessages[name].audience === 'content-scripts');
    expect(open.sort()).toEqual(['deleteRewriteFeedback', 'getHarvestPolicy', 'openRewriteCard', 'previewSample', 'saveRewriteFeedback', 'submitSample']);
  });

  it('checks the input against the declared schema and says which field is wrong', async () => {
    const { calls, handler } = recordingHandler();
    const listener = servedListener('renameProfile', handler, EXTENSION);
    await expect(listener({ data: { profileId: 'p1', name: 42 }, sender: OPTIONS_PAGE })).rejects.toThrow(/renameProfile.*name/);
    expect(calls).toEqual([]);
    await listener({ data: { profileId: 'p1', name: 'Work email' }, sender: OPTIONS_PAGE });
    expect(calls).toEqual([{ profileId: 'p1', name: 'Work email' }]);
  });

  it('lets a content script send what it is declared for, and tells the handler which page sent it', async () => {
    const pages: unknown[] = [];
    const listener = servedListener('getHarvestPolicy', (_, sender) => {
      pages.push(sender.url);
      return POLICY;
    }, EXTENSION);
    await expect(listener({ data: undefined, sender: WEB_PAGE })).resolves.toEqual(POLICY);
    expect(pages).toEqual([WEB_PAGE.url]);
  });

  it('refuses an answer that does not match the declared output, rather than sending it on', async () => {
    const listener = servedListener('inferNow', (() => ({ queued: 'yes' })) as unknown as MessageHandler<'inferNow'>, EXTENSION);
    await expect(listener({ data: undefined, sender: OPTIONS_PAGE })).rejects.toThrow();
  });

  it('accepts the rewrite port only from the extension’s pages', () => {
    expect(acceptedPort({ name: 'idiolect-rewrite', sender: OPTIONS_PAGE }, EXTENSION)).toBe('rewrite');
    expect(acceptedPort({ name: 'idiolect-rewrite', sender: WEB_PAGE }, EXTENSION)).toBeNull();
    expect(acceptedPort({ name: 'something-else', sender: OPTIONS_PAGE }, EXTENSION)).toBeNull();
  });

  it('accepts the in-page card’s rewrite port from the content script it runs as', () => {
    expect(acceptedPort({ name: 'idiolect-rewrite-in-page', sender: WEB_PAGE }, EXTENSION)).toBe('inPageRewrite');
  });
});
