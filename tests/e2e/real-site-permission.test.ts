import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { startPageServer, type PageServer } from './support/page-server';

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
};

const SENT_ON_REAL_HOST =
  'Hi Ana, the workshop moved to the big room on the second floor. Bring the printed agenda, the projector there is fine.';

/**
 * Sites that are not loopback, as a person types them. The browser maps *.test to this machine,
 * and nothing here is ever loaded from mail.google.com: only its permission is asked for.
 */
describe('allowing a real web site', () => {
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    pages = await startPageServer();
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  async function allow(typed: string, expectedSite: string) {
    await options.getByRole('textbox', { name: 'Site to allow' }).fill(typed);
    await options.getByRole('button', { name: 'Allow site' }).click();
    await options.getByRole('status').getByText(`Collecting what you send on ${expectedSite}.`).waitFor();
    await options.getByRole('list', { name: 'Allowed sites' }).getByRole('button', { name: `Remove ${expectedSite}` }).waitFor();
  }

  async function registeredMatches(): Promise<string[]> {
    const worker = browser.context.serviceWorkers()[0]!;
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    return scripts.flatMap((script) => script.matches ?? []);
  }

  it('allows mail.google.com typed bare or pasted as a Gmail address, and registers collection for it', async () => {
    await browser.grantSiteAccessInBrowser('*://mail.google.com/*');
    await allow('mail.google.com', 'mail.google.com');
    await options.getByRole('button', { name: 'Remove mail.google.com' }).click();
    await options.getByRole('status').getByText('Stopped collecting on mail.google.com.').waitFor();
    await browser.grantSiteAccessInBrowser('*://mail.google.com/*');
    await allow('https://mail.google.com/mail/u/0/', 'mail.google.com');
    expect(await registeredMatches()).toEqual(expect.arrayContaining(['https://mail.google.com/*', 'http://mail.google.com/*']));
  });

  it('collects a text sent on an http:// host with a port that is not loopback', async () => {
    await browser.grantSiteAccessInBrowser('*://mail.example.test/*');
    await allow(`http://mail.example.test:${pages.port}/compose.html`, 'mail.example.test');
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html', 'mail.example.test'));
    await sendMessageOnPage(compose, SENT_ON_REAL_HOST);
    await expect
      .poll(async () => (await readStoredSamples(options)).map(({ text, site }) => ({ text, site })))
      .toEqual([{ text: SENT_ON_REAL_HOST, site: 'mail.example.test' }]);
    await compose.close();
  });

  it('says what to type when the address is not a site', async () => {
    await options.getByRole('textbox', { name: 'Site to allow' }).fill('file:///home/me/notes.txt');
    await options.getByRole('button', { name: 'Allow site' }).click();
    await options.getByRole('status').getByText(/collects on web sites only/).waitFor();
  });
});
