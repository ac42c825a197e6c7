import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../e2e/support/page-server';
import { launchFirefoxWithExtension, readStore, type FirefoxWithExtension } from './support/firefox-browser';
import { sendMessageOnPage } from './support/firefox-flows';
import { pollUntil, type FirefoxTab } from './support/firefox-tab';

const SENT_ON_REAL_HOST = 'Hi Ana, the workshop moved to the big room on the second floor. Bring the printed agenda, the projector there is fine.';

/**
 * A site that is not loopback, as a person types it. Firefox resolves the .test names to this
 * machine (network.dns.localDomains). Unlike Chromium's, Firefox's permission prompt is a
 * doorhanger in the browser's own window, which the test answers with a click, as a person does.
 */
describe('Firefox: allowing a real web site asks Firefox, and only Allow lets collection start', () => {
  let pages: PageServer;
  let firefox: FirefoxWithExtension;
  let options: FirefoxTab;

  beforeAll(async () => {
    pages = await startPageServer();
    firefox = await launchFirefoxWithExtension();
    options = await firefox.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await firefox?.close();
    await pages?.close();
  });

  async function registeredMatches(): Promise<string[]> {
    const scripts = await options.evaluate(() =>
      (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).browser.scripting.getRegisteredContentScripts(),
    );
    return scripts.flatMap((script) => script.matches ?? []);
  }

  /** The Sites part's own status: the page has others (the guided start, Profile, Your data). */
  const sitesStatus = () => options.getByRole('region', 'Sites where Idiolect learns from what you send').getByRole('status');

  it('denied in the prompt: the site is not allowed and nothing is registered for it', async () => {
    await options.getByRole('textbox', 'Site to allow').fill('blog.example.test');
    await options.getByRole('button', 'Allow site').click();
    const prompt = await firefox.answerPermissionPrompt('Deny');
    expect(prompt.text).toContain('blog.example.test');
    await sitesStatus().waitForText('Idiolect was not given access to blog.example.test, so it will not collect there.');
    expect(await options.getByRole('button', 'Remove blog.example.test').count()).toBe(0);
    expect((await registeredMatches()).filter((match) => match.includes('blog.example.test'))).toEqual([]);
  });

  it('allowed in the prompt: collects a text sent on an http:// host with a port', async () => {
    await options.getByRole('textbox', 'Site to allow').fill(`http://mail.example.test:${pages.port}/compose.html`);
    await options.getByRole('button', 'Allow site').click();
    const prompt = await firefox.answerPermissionPrompt('Allow');
    expect(prompt.text).toContain('mail.example.test');
    await sitesStatus().waitForText('Collecting what you send on mail.example.test.');
    await options.getByRole('list', 'Allowed sites').getByRole('button', 'Remove mail.example.test').waitFor();
    expect(await registeredMatches()).toEqual(expect.arrayContaining(['https://mail.example.test/*', 'http://mail.example.test/*']));

    const compose = await firefox.openPage(pages.url('compose.html', 'mail.example.test'));
    await sendMessageOnPage(compose, SENT_ON_REAL_HOST);
    const stored = await pollUntil(() => readStore<{ text: string; site: string }>(options, 'samples'), (rows) => rows.length > 0, 'the sample to be stored');
    expect(stored.map(({ text, site }) => ({ text, site }))).toEqual([{ text: SENT_ON_REAL_HOST, site: 'mail.example.test' }]);
    await compose.close();
  });
});
