import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { LEARNING_TEXTS } from './support/learned-profile';
import { allowSiteFromOptions, configureEndpointFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const RIGHT_KEY = 'sk-the-right-key';

describe('when the model endpoint fails, the user is told why, keeps their samples, and can try again', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let popup: Page;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: RIGHT_KEY });
    pages = await startPageServer();
    browser = await launchWithExtension();
    options = await allowSiteFromOptions(browser, '127.0.0.1');
    await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey: 'sk-a-mistyped-key' });
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('shows the refused key as the reason learning failed, with every sample kept', async () => {
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
    popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('alert').getByText(/Could not learn from your latest texts: .*key/i).waitFor();
    await popup.getByText('4 samples').waitFor();
    expect(await readStoredSamples(popup)).toHaveLength(LEARNING_TEXTS.length);
    expect(llm.chatRequests.map((request) => request.headers.authorization)).toEqual(['Bearer sk-a-mistyped-key']);
  });

  it('learns once the key is fixed and the user tries again', async () => {
    await options.getByLabel('API key').fill(RIGHT_KEY);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').getByText('Saved.').waitFor();
    llm.script(profileReplyFor);
    await popup.getByRole('button', { name: 'Try learning again' }).click();
    await popup.getByRole('button', { name: 'How you write' }).click();
    await popup.getByRole('list', { name: 'How you write' }).getByText(SCRIPTED_HYPOTHESES[0]!).waitFor();
    expect(llm.chatRequests.map((request) => request.headers.authorization)).toEqual(['Bearer sk-a-mistyped-key', `Bearer ${RIGHT_KEY}`]);
  });
});
