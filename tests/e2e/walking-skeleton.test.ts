import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { allowSiteFromOptions, configureEndpointFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-test-walking-skeleton';
const SENT = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? - J',
  'Morning all, quick one: the staging server restarts at 6pm tonight for the database upgrade, so save your work before then please. - J',
  'Thanks Ben, short answer is yes, we can take the extra ticket this sprint if design signs off on the mockups by Friday. - J',
  'Hey Sam, I pushed the fix for the login loop on mobile, could you check it on your phone before lunch and tell me how it goes? - J',
];
const TYPED_NOT_SENT = 'This draft about the secret reorganisation plan for the whole department was typed into the comment box but never sent anywhere at all.';
const SENT_ON_OTHER_SITE = 'This message was sent on a site the user never allowed Idiolect to read from, so it must never reach the background or the model.';
const PASSWORD = 'correct horse battery staple';

describe('walking skeleton: sent texts become a profile that rewrites drafts', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    llm.script(profileReplyFor);
    pages = await startPageServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('is configured from the options page: endpoint, key and an allowed site', async () => {
    const options = await allowSiteFromOptions(browser, '127.0.0.1');
    await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey: API_KEY });
    await options.close();
  });

  it('stores the four texts the user sent, and nothing typed but unsent or sent elsewhere', async () => {
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    await sendMessageOnPage(compose, SENT[0]!);
    await postComment(compose, SENT[1]!);
    await compose.getByRole('textbox', { name: 'Message' }).fill(SENT[2]!);
    await compose.getByRole('textbox', { name: 'Message' }).press('Control+Enter');

    const elsewhere = await browser.context.newPage();
    await elsewhere.goto(pages.url('compose.html', 'localhost'));
    await sendMessageOnPage(elsewhere, SENT_ON_OTHER_SITE);
    await elsewhere.close();

    await compose.getByRole('textbox', { name: 'Comment' }).fill(TYPED_NOT_SENT);
    await compose.getByLabel('Password').fill(PASSWORD);
    await sendMessageOnPage(compose, SENT[3]!);

    popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('4 samples').waitFor();
    const stored = await readStoredSamples(popup);
    expect(stored.map((sample) => sample.text).sort()).toEqual([...SENT].sort());
    expect(stored.every((sample) => sample.site === '127.0.0.1')).toBe(true);
    await compose.close();
  });

  it('infers the profile once, from exactly those four samples, and shows it in the popup', async () => {
    const [inference] = await llm.waitForRequests(1, { timeoutMs: 15_000 });
    expect(inference!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(inference!.chat.responseFormat?.type).toBe('json_schema');
    const prompt = inference!.chat.userContent;
    for (const text of SENT) expect(prompt).toContain(text);
    for (const text of [TYPED_NOT_SENT, SENT_ON_OTHER_SITE, PASSWORD, 'hidden-token-never-read']) {
      expect(prompt).not.toContain(text);
    }
    // What was learned folds away in the popup until asked for.
    await popup.getByRole('button', { name: 'How you write' }).click();
    const hypotheses = popup.getByRole('list', { name: 'How you write' });
    for (const statement of SCRIPTED_HYPOTHESES) await hypotheses.getByText(statement).waitFor();
    await popup.keyboard.press('Escape');
    expect(llm.chatRequests).toHaveLength(1);
  });

  it('rewrites a draft with the hypotheses, streaming into "Rewritten draft"', async () => {
    const rewritten = 'Hi team, quick one: the demo is on Tuesday at 3pm in the big room. Bring your questions and your laptop please. - J';
    llm.script({ content: rewritten });
    await popup
      .getByRole('textbox', { name: 'Draft', exact: true })
      .fill('Dear all, please be informed that the demonstration will take place on Tuesday at 3pm in the large meeting room.');
    await popup.getByLabel(/^Draft sounds like you: \d+\/100$/).waitFor();
    await popup.getByRole('button', { name: 'Rewrite' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(rewritten);
    await popup.getByLabel(/^Rewritten draft sounds like you: \d+\/100$/).waitFor();

    const rewrite = llm.chatRequests[1]!;
    expect(rewrite.chat.stream).toBe(true);
    expect(rewrite.chat.userContent).toContain('the demonstration will take place on Tuesday at 3pm');
    for (const statement of SCRIPTED_HYPOTHESES) expect(rewrite.chat.systemPrompt).toContain(statement);
    expect(llm.chatRequests).toHaveLength(2);
  });

  async function postComment(page: Page, text: string) {
    await page.getByRole('textbox', { name: 'Comment' }).fill(text);
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('list', { name: 'Sent' }).getByText(text).waitFor();
  }
});
