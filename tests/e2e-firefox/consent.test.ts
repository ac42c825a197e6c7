import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../e2e/support/page-server';
import { launchFirefoxWithExtension, readStoredSampleTexts, readStoredSetting, type FirefoxWithExtension } from './support/firefox-browser';
import { sendMessageOnPage } from './support/firefox-flows';
import { pollUntil, type FirefoxTab } from './support/firefox-tab';

const WHILE_PAUSED = 'Written while collection was paused, so Idiolect must never keep this text at all, not even for a moment, whatever happens next.';
const AFTER_RESUME = 'Written after collection was resumed, so this one is fine to keep as a sample of how the user writes to colleagues.';
const DISCARDED = 'The user was asked about this text in the little card and chose to discard it, so it must not end up among their samples.';
const KEPT = 'The user was asked about this text in the little card and chose to keep it, so it should be stored as a writing sample.';

describe('Firefox: the user controls collection: allowing a site from the popup, pausing, reviewing before saving', () => {
  let pages: PageServer;
  let firefox: FirefoxWithExtension;
  let options: FirefoxTab;
  let compose: FirefoxTab;

  beforeAll(async () => {
    pages = await startPageServer();
    firefox = await launchFirefoxWithExtension();
    compose = await firefox.openPage(pages.url('compose.html'));
    options = await firefox.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await firefox?.close();
    await pages?.close();
  });

  it('allows collection on the site of the current tab from the popup', async () => {
    const popup = await firefox.openPopupOver(compose);
    await popup.getByRole('button', 'Collect on this site').click();
    await popup.waitForText('Collecting what you send on 127.0.0.1.');
    await popup.getByRole('button', 'Stop collecting on this site').waitFor();
    await options.getByRole('list', 'Allowed sites').waitForText('127.0.0.1');
    await popup.close();
    // The harvesting script is registered for pages loaded from now on.
    await compose.reload();
  });

  it('stores nothing while paused, and collects again once resumed', async () => {
    await options.getByRole('switch', 'Pause all collection').setChecked(true);
    await pollUntil(() => readStoredSetting(options, 'collectionPaused'), (paused) => paused === true, 'the pause to be stored');
    await sendMessageOnPage(compose, WHILE_PAUSED);
    await options.getByRole('switch', 'Pause all collection').setChecked(false);
    await pollUntil(() => readStoredSetting(options, 'collectionPaused'), (paused) => paused === false, 'the resume to be stored');
    await sendMessageOnPage(compose, AFTER_RESUME);
    await pollUntil(() => readStoredSampleTexts(options), (texts) => texts.length > 0, 'a sample to be stored');
    expect(await readStoredSampleTexts(options)).toEqual([AFTER_RESUME]);
  });

  it('shows how many samples were collected today on the toolbar button (browserAction in Firefox)', async () => {
    const badge = () =>
      options.evaluate(() =>
        (globalThis as unknown as { browser: { browserAction: { getBadgeText(details: object): Promise<string> } } }).browser.browserAction.getBadgeText({}),
      );
    await pollUntil(badge, (text) => text === '1', 'the badge to read 1');
  });

  it('asks Keep or Discard in the page when review is on, and stores only what was kept', async () => {
    await options.getByRole('switch', 'Ask before keeping each sample').setChecked(true);
    await pollUntil(() => readStoredSetting(options, 'reviewBeforeSaving'), (on) => on === true, 'review to be stored');
    await sendMessageOnPage(compose, DISCARDED);
    await compose.getByRole('button', 'Discard, do not keep').click();
    await sendMessageOnPage(compose, KEPT);
    await compose.getByRole('button', 'Keep as writing sample').click();

    await pollUntil(() => readStoredSampleTexts(options), (texts) => texts.length === 2, 'the kept sample to be stored');
    expect(await readStoredSampleTexts(options)).toEqual([AFTER_RESUME, KEPT].sort());
    expect(await compose.getByRole('dialog', 'Idiolect: keep this writing sample?').count()).toBe(0);
  });

  it('stops collecting on a site removed from the options', async () => {
    await options.getByRole('button', 'Remove 127.0.0.1').click();
    await options.getByRole('region', 'Sites where Idiolect learns from what you send').getByRole('status').waitForText('Stopped collecting on 127.0.0.1.');
    await pollUntil(() => readStoredSetting(options, 'allowedSites'), (sites) => Array.isArray(sites) && sites.length === 0, 'no allowed sites');
  });
});
