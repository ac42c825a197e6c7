import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readExtensionDatabase, type ExtensionBrowser } from './support/extension-browser';
import { learnProfileFromSentTexts } from './support/learned-profile';
import { startPageServer, type PageServer } from './support/page-server';

declare const chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

const API_KEY = 'sk-popup-rewrite';
const BEFORE = 'Hi Ana,\n\n';
const SELECTED = 'I would like to inform you that the budget review has been moved to 12 June at 10:00.';
const AFTER = '\n\nBest, J';
const FIRST_TRY = 'Heads up: the budget review moved to 12 June at 10:00.';
const SECOND_TRY = 'Quick one - budget review is now 12 June at 10:00.';
const NOTE = 'I never say heads up';
const SENT_LATER = 'Thanks Ben, the figures for the spring campaign are in the shared folder now, ping me if anything looks odd.';

/** Whether the page, or the popup's own box, scrolls: what a layout measurement says, not what the CSS hopes. */
const scrolls = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    return document.scrollingElement!.scrollHeight > innerHeight || document.scrollingElement!.scrollWidth > innerWidth || main.scrollHeight > main.clientHeight;
  });

/** The drafts the popup keeps, one per tab, as the browser's session storage holds them. */
function keptDrafts(browser: ExtensionBrowser): Promise<Array<{ current: number; tries: Array<{ text: string }> }>> {
  return browser.context.serviceWorkers()[0]!.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    return Object.entries(all).filter(([key]) => key.startsWith('popup-draft:')).map(([, value]) => value as { current: number; tries: Array<{ text: string }> });
  });
}

describe('the popup over a page: selection, tries kept per tab, one screen, feedback that reaches learning', () => {
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
    await compose.goto(pages.url('compose.html'));
    const message = compose.getByRole('textbox', { name: 'Message' });
    await message.fill(BEFORE + SELECTED + AFTER);
    await message.evaluate((field: HTMLTextAreaElement, [start, end]) => field.setSelectionRange(start!, end!), [BEFORE.length, BEFORE.length + SELECTED.length]);
    popup = await browser.openPopupOver(compose);
    await popup.setViewportSize({ width: 400, height: 600 });
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('starts from the text selected in the page’s field, and puts the rewrite in its place only', async () => {
    await expect.poll(() => popup.getByRole('textbox', { name: 'Draft', exact: true }).inputValue()).toBe(SELECTED);
    llm.script({ content: FIRST_TRY });
    // Once the voice is known to be learned, Ctrl+Enter in the draft rewrites it.
    await expect.poll(() => popup.getByRole('button', { name: 'Rewrite' }).isEnabled()).toBe(true);
    await popup.getByRole('textbox', { name: 'Draft', exact: true }).press('Control+Enter');
    await expect.poll(() => popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(FIRST_TRY);
    await popup.getByRole('status').filter({ hasText: /^Rewrite ready, sounds like you: / }).waitFor({ state: 'attached' });
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await popup.getByRole('status').getByText('Put into the page').waitFor();
    expect(await compose.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(BEFORE + FIRST_TRY + AFTER);
  });

  it('fits 400×600 and 320×600 without scrolling, with a finished rewrite shown', async () => {
    for (const width of [400, 320]) {
      await popup.setViewportSize({ width, height: 600 });
      expect(await scrolls(popup), `${width}×600 scrolls`).toBe(false);
    }
    await popup.setViewportSize({ width: 400, height: 600 });
    for (const name of ['Copy', 'Insert into page', 'Not like me']) expect(await popup.getByRole('button', { name }).isVisible()).toBe(true);
  });

  it('keeps the draft, every try and the one shown when the popup is closed and opened again over the tab', async () => {
    llm.script({ content: SECOND_TRY });
    await popup.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(SECOND_TRY);
    await popup.getByRole('button', { name: 'Previous' }).click();
    await popup.getByText('Try 1 of 2').waitFor();
    // The popup keeps its work as it changes; once kept, closing it loses nothing.
    await expect.poll(async () => (await keptDrafts(browser))[0]).toMatchObject({ current: 0, tries: [{ text: FIRST_TRY }, { text: SECOND_TRY }] });
    await popup.close();

    popup = await browser.openPopupOver(compose);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByText('Try 1 of 2').waitFor();
    expect(await popup.getByRole('textbox', { name: 'Draft', exact: true }).inputValue()).toBe(SELECTED);
    expect(await popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(FIRST_TRY);
    await popup.getByRole('button', { name: 'Next' }).click();
    expect(await popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe(SECOND_TRY);
  });

  it('sends "Not like me", its note and the hypotheses that guided the rewrite to the next refinement', async () => {
    await popup.getByRole('button', { name: 'Previous' }).click();
    const notMe = popup.getByRole('button', { name: 'Not like me' });
    await notMe.click();
    await expect.poll(() => notMe.getAttribute('aria-pressed')).toBe('true');
    await popup.getByRole('textbox', { name: 'Note (optional)' }).fill(NOTE);
    await popup.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => ((await readExtensionDatabase(popup, 'rewriteFeedback')) as Array<{ note: string | null }>)[0]?.note).toBe(NOTE);
    // With two tries to step through and the note open, it still fits, at either width.
    for (const width of [400, 320]) {
      await popup.setViewportSize({ width, height: 600 });
      expect(await scrolls(popup), `${width}×600 scrolls`).toBe(false);
    }
    await popup.setViewportSize({ width: 400, height: 600 });

    const before = llm.chatRequests.length;
    llm.setDefault(() => ({ json: { reviewed: [], added: [], attributes: { role: null, domain: null, audiences: [], facts: [] } } }));
    await sendMessageOnPage(compose, SENT_LATER);
    await popup.getByRole('button', { name: 'Learn from my latest texts now' }).click();
    await expect.poll(() => llm.chatRequests.slice(before).some((request) => /Refine the profile/.test(request.chat.systemPrompt))).toBe(true);
    const refinement = llm.chatRequests.slice(before).find((request) => /Refine the profile/.test(request.chat.systemPrompt))!.chat.userContent;
    const feedback = /<rewrite_feedback>\n([\s\S]*?)\n<\/rewrite_feedback>/.exec(refinement)?.[1] ?? '';
    expect(feedback).toMatch(new RegExp(`^- not like me; guided by H1, H2, H3; the person's note: "${NOTE}"$`));
    expect(refinement).toMatch(/^H1 .*guided rewrites: 0 sounds like me, 1 not like me\)$/m);
  });

  it('forgets the tab’s draft and tries when the tab closes', async () => {
    expect(await keptDrafts(browser)).toHaveLength(1);
    await compose.close();
    await expect.poll(() => keptDrafts(browser)).toEqual([]);
  });
});
