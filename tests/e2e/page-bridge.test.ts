import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { LEARNING_TEXTS, learnProfileFromSentTexts } from './support/learned-profile';
import { startPageServer, type PageServer } from './support/page-server';

const API_KEY = 'sk-page-bridge';
const DRAFT = 'Dear colleagues, I would like to inform you that the quarterly review has been moved to 10 June at 9:30.';
const REWRITE =
  'Hi all, heads up: the quarterly review moved to 10 June at 9:30. Shout if that clashes with anything and we will find another slot together. See you there!';
const SENT_AFTERWARDS = 'Thanks Ana, I read your comments on the budget sheet and fixed the two formulas you flagged in the travel tab this morning.';

describe('the popup takes the draft from the page and puts the rewrite back', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let compose: Page;
  let popup: Page;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    pages = await startPageServer();
    browser = await launchWithExtension();
    await learnProfileFromSentTexts(browser, pages, llm, API_KEY);

    compose = await browser.context.newPage();
    const url = pages.url('compose.html?bridge');
    await compose.goto(url);
    await compose.getByRole('textbox', { name: 'Comment' }).fill(DRAFT);
    popup = await browser.openPopupOver(compose);
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('fills "Draft" with what the user was writing in the page', async () => {
    await popup.getByRole('button', { name: 'Use text from page' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Draft', exact: true }).inputValue()).toBe(DRAFT);
  });

  it('writes the rewrite into the page’s editor so the page sees it, and it survives the page’s own send', async () => {
    llm.script({ content: REWRITE });
    await popup.getByRole('button', { name: 'Rewrite' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(REWRITE);
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await popup.getByRole('status').getByText('Put into the page').waitFor();

    await expect.poll(() => compose.getByRole('status', { name: 'Comment seen by the page' }).textContent()).toBe(REWRITE);
    await compose.getByRole('button', { name: 'Post' }).click();
    await compose.getByRole('list', { name: 'Sent' }).getByText(REWRITE).waitFor();
  });

  it('does not learn the rewrite back as the user’s own writing when it is sent unchanged', async () => {
    await sendMessageOnPage(compose, SENT_AFTERWARDS);
    await expect.poll(async () => (await readStoredSamples(popup)).length).toBe(LEARNING_TEXTS.length + 1);
    const stored = (await readStoredSamples(popup)).map((sample) => sample.text);
    expect(stored).toContain(SENT_AFTERWARDS);
    expect(stored).not.toContain(REWRITE);
  });

  it('explains what to do when no field in the page is focused', async () => {
    await compose.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.getByRole('button', { name: 'Use text from page' }).click();
    await popup.getByRole('alert').getByText(/could not find the text box you were writing in/).waitFor();
  });
});
