import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, readStoredSamples, readStoredSetting, type ExtensionBrowser } from './support/extension-browser';
import { closedShadowOf } from './support/closed-shadow';
import { sendMessageOnPage } from './support/compose-page';
import { startPageServer, type PageServer } from './support/page-server';

declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };

const WHILE_PAUSED = 'Written while collection was paused, so Idiolect must never keep this text at all, not even for a moment, whatever happens next.';
const AFTER_RESUME = 'Written after collection was resumed, so this one is fine to keep as a sample of how the user writes to colleagues.';
const DISCARDED = 'The user was asked about this text in the little card and chose to discard it, so it must not end up among their samples.';
const KEPT = 'The user was asked about this text in the little card and chose to keep it, so it should be stored as a writing sample.';

describe('the user controls collection: allowing a site, pausing, and reviewing before saving', () => {
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let compose: Page;

  beforeAll(async () => {
    pages = await startPageServer();
    browser = await launchWithExtension();
    compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it('allows collection on the site of the current tab from the popup', async () => {
    const popup = await browser.openPopupOver(compose);
    await popup.getByRole('button', { name: 'Collect on this site' }).click();
    await popup.getByText('Collecting what you send on 127.0.0.1.').waitFor();
    await popup.getByRole('button', { name: 'Stop collecting on this site' }).waitFor();
    await options.getByRole('list', { name: 'Allowed sites' }).getByRole('button', { name: 'Remove 127.0.0.1' }).waitFor();
    await popup.close();
    // The harvesting script is registered for pages loaded from now on.
    await compose.reload();
  });

  it('stores nothing while paused, and collects again once resumed', async () => {
    await options.getByRole('switch', { name: 'Pause all collection' }).check();
    await expect.poll(() => readStoredSetting(options, 'collectionPaused')).toBe(true);
    await sendMessageOnPage(compose, WHILE_PAUSED);
    await options.getByRole('switch', { name: 'Pause all collection' }).uncheck();
    await expect.poll(() => readStoredSetting(options, 'collectionPaused')).toBe(false);
    await sendMessageOnPage(compose, AFTER_RESUME);

    await expect.poll(async () => (await readStoredSamples(options)).map((sample) => sample.text)).toEqual([AFTER_RESUME]);
  });

  it('shows how many samples were collected today on the toolbar badge', async () => {
    const worker = browser.context.serviceWorkers()[0]!;
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('asks Keep or Discard in the page when review is on, and stores only what was kept', async () => {
    await options.getByRole('switch', { name: 'Ask before keeping each sample' }).check();
    await expect.poll(() => readStoredSetting(options, 'reviewBeforeSaving')).toBe(true);
    // The card is in a closed shadow root: found through the accessibility tree, clicked with the mouse.
    const card = await closedShadowOf(compose);
    await sendMessageOnPage(compose, DISCARDED);
    await card.click('button', 'Discard, do not keep');
    await sendMessageOnPage(compose, KEPT);
    await card.click('button', 'Keep as writing sample');

    await expect.poll(async () => (await readStoredSamples(options)).map((sample) => sample.text).sort()).toEqual([AFTER_RESUME, KEPT].sort());
    await expect.poll(() => card.count('dialog', 'Idiolect: keep this writing sample?')).toBe(0);
  });

  it('stops collecting on a site removed from the options', async () => {
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await options.getByRole('status').getByText('Stopped collecting on 127.0.0.1.').waitFor();
    await expect.poll(() => readStoredSetting(options, 'allowedSites')).toEqual([]);
  });
});
