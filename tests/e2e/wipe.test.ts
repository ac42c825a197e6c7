import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { LEARNING_TEXTS } from './support/learned-profile';
import { allowSiteFromOptions, configureEndpointFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
  alarms: { getAll(): Promise<unknown[]> };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  runtime: { getManifest(): { host_permissions?: string[] } };
};

const API_KEY = 'sk-wipe-everything-0123456789';

/** Every record of every object store of one of the extension's databases. */
function readWholeDatabase(page: Page, name: string): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (databaseName) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open(databaseName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const transaction = db.transaction(stores);
          const contents: Record<string, unknown[]> = {};
          for (const store of stores) {
            const request = transaction.objectStore(store).getAll();
            request.onsuccess = () => (contents[store] = request.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(contents);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    name,
  );
}

/**
 * "Delete all my data" with everything a person may have: samples and a profile, a key, a model
 * endpoint and a site that are not loopback (so their access was granted), and a rewrite on its way.
 */
describe('deleting all my data', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    pages = await startPageServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('leaves nothing of the person behind, and stops a rewrite under way before it writes anything', async () => {
    await browser.grantSiteAccessInBrowser('*://mail.example.test/*');
    await browser.grantSiteAccessInBrowser('*://llm.example.test/*');
    options = await allowSiteFromOptions(browser, 'mail.example.test');
    await configureEndpointFromOptions(options, { baseURL: `http://llm.example.test:${llm.port}/v1`, model: 'fake-model', apiKey: API_KEY });
    llm.script(profileReplyFor);
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html', 'mail.example.test'));
    for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
    await options.getByText(SCRIPTED_HYPOTHESES[0]!).first().waitFor();
    expect(llm.chatRequests[0]!.headers.host).toBe(`llm.example.test:${llm.port}`);

    llm.script({ paced: [{ afterMs: 30_000, content: 'Hi all, this arrives too late.' }] });
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Draft', exact: true }).fill('hello all, the meeting moved to friday');
    await popup.getByRole('button', { name: 'Rewrite' }).click();
    await popup.getByRole('button', { name: 'Stop' }).waitFor();
    await llm.waitForRequests(2);

    await options.getByRole('button', { name: 'Delete all my data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Everything Idiolect stored in this browser has been deleted.').waitFor();
    await popup.getByRole('alert').getByText('Your data was deleted, so this rewrite was stopped.').waitFor();

    const stored = await readWholeDatabase(options, 'idiolect');
    expect(Object.keys(stored).length).toBeGreaterThan(4);
    for (const [table, rows] of Object.entries(stored)) expect(rows, `table ${table}`).toEqual([]);
    const secrets = await readWholeDatabase(options, 'idiolect-secrets');
    for (const [table, rows] of Object.entries(secrets)) expect(rows, `table ${table}`).toEqual([]);

    const worker = browser.context.serviceWorkers()[0]!;
    const left = await worker.evaluate(async () => ({
      scripts: await chrome.scripting.getRegisteredContentScripts(),
      alarms: await chrome.alarms.getAll(),
      origins: (await chrome.permissions.getAll()).origins ?? [],
      declared: chrome.runtime.getManifest().host_permissions ?? [],
    }));
    expect(left.scripts).toEqual([]);
    expect(left.alarms).toEqual([]);
    expect([...left.origins].sort()).toEqual([...left.declared].sort());

    await compose.reload();
    await sendMessageOnPage(compose, 'Written after the wipe, on a site that is no longer allowed, so it must not be stored anywhere.');
    expect((await readWholeDatabase(options, 'idiolect')).samples).toEqual([]);
  });
});
