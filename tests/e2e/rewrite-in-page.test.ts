import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { closedShadowOf, type ClosedShadow } from './support/closed-shadow';
import { sendMessageOnPage } from './support/compose-page';
import { BUILT_EXTENSION, launchWithExtension, readExtensionDatabase, readStoredSetting, type ExtensionBrowser } from './support/extension-browser';
import { modelText, type ModelKind } from './support/editor-models';
import { learnProfileFromSentTexts } from './support/learned-profile';
import { startPageServer, type PageServer } from './support/page-server';
import { OPEN_POPUP_COMMAND, OPEN_POPUP_KEY, REWRITE_IN_PLACE_COMMAND, REWRITE_IN_PLACE_KEY } from '../../lib/shortcuts/keyboard-shortcuts';

const API_KEY = 'sk-test-in-page';
const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/editors/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);

const BEFORE = 'Hi Sam, ';
const SELECTED = 'see you at noon by the lake';
const AFTER = '. Thanks';
/** What the fake model answers to the first request for a draft and to each one after it. */
const FIRST_TRY = 'Catch you at noon by the lake, promise';
const LATER_TRY = 'Meet you at noon by the lake, warmly';

function squashed(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

describe('rewriting where the person writes: the in-page card', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  const seenDrafts: string[] = [];

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    pages = await startPageServer(haveFixtures ? { fixtures: FIXTURES } : {});
    browser = await launchWithExtension({ realKeyboard: true });
    const options = await learnProfileFromSentTexts(browser, pages, llm, API_KEY);
    await options.close();
    // In each test, a draft's first rewrite is FIRST_TRY; Try again and the adjustments get LATER_TRY.
    llm.setDefault((request) => {
      const draft = draftOf(request.chat.userContent);
      const first = !seenDrafts.includes(draft);
      seenDrafts.push(draft);
      return { content: first ? FIRST_TRY : LATER_TRY };
    });
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  async function openCompose(): Promise<{ page: Page; shadow: ClosedShadow }> {
    seenDrafts.length = 0;
    const page = await browser.context.newPage();
    await page.goto(pages.url('compose.html'));
    return { page, shadow: await closedShadowOf(page) };
  }

  /** The control beside the field, on an allowed site; pressing it keeps the focus and the selection in the field. */
  async function openCardFromControl(shadow: ClosedShadow) {
    await shadow.click('button', 'Rewrite');
  }

  /** The keys the browser really assigned to "Rewrite in place", pressed on a real keyboard over `page`. */
  async function pressRewriteInPlace(page: Page) {
    await browser.pressShortcut(page, await assignedKeys(REWRITE_IN_PLACE_COMMAND));
  }

  async function assignedKeys(command: string): Promise<string> {
    const worker = browser.context.serviceWorkers()[0]!;
    const commands = await worker.evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } } }).chrome.commands.getAll());
    return commands.find((entry) => entry.name === command)?.shortcut ?? '';
  }

  it('gets the shortcuts it suggests from the browser, and the options page says which keys they are', async () => {
    const manifest = JSON.parse(readFileSync(`${BUILT_EXTENSION}/manifest.json`, 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
    // Chrome leaves a suggested key unassigned, without a word, when it keeps that key for itself.
    expect(await assignedKeys(REWRITE_IN_PLACE_COMMAND)).toBe(manifest.commands[REWRITE_IN_PLACE_COMMAND]!.suggested_key.default);
    expect(await assignedKeys(OPEN_POPUP_COMMAND)).toBe(manifest.commands[OPEN_POPUP_COMMAND]!.suggested_key.default);

    const options = await browser.openExtensionPage('options.html#sites');
    const shortcuts = options.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.getByRole('definition').allInnerTexts()).toEqual([OPEN_POPUP_KEY, REWRITE_IN_PLACE_KEY]);
    await expect.poll(() => shortcuts.getByRole('term').allInnerTexts()).toContain('Rewrite in place: the selection, or the text you are writing');
    const [settings] = await Promise.all([browser.context.waitForEvent('page'), shortcuts.getByRole('button', { name: 'Change shortcuts' }).click()]);
    await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
    await settings.close();
    await options.close();
  });

  it('opens the card with the shortcut on a page of a site never allowed, and rewrites its text there', async () => {
    seenDrafts.length = 0;
    const page = await browser.context.newPage();
    await page.goto(pages.url('compose.html', 'elsewhere.test'));
    const shadow = await closedShadowOf(page);
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('lets push the launch call to thursday');
    // Nothing of Idiolect runs on a site that was never allowed, until the person asks for it.
    expect(await shadow.count('button', 'Rewrite')).toBe(0);
    await pressRewriteInPlace(page);
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);
    await shadow.click('button', 'Replace');
    await expect.poll(() => box.inputValue()).toBe(FIRST_TRY);
    await page.close();
  });

  it('keeps the card’s code out of the page until it is first asked for', async () => {
    const content = readFileSync(`${BUILT_EXTENSION}/content-scripts/content.js`, 'utf8');
    const card = readFileSync(`${BUILT_EXTENSION}/rewrite-card.js`, 'utf8');
    expect(card).toContain('Show changes');
    expect(content).not.toContain('Show changes');

    const { page, shadow } = await openCompose();
    await expect.poll(() => shadow.evaluateInExtensionWorld('typeof idiolectRewriteCard').catch(() => 'no world yet')).toBe('undefined');
    await page.getByRole('textbox', { name: 'Message' }).fill(`${BEFORE}${SELECTED}${AFTER}`);
    await shadow.find('button', 'Rewrite');
    expect(await shadow.evaluateInExtensionWorld('typeof idiolectRewriteCard')).toBe('undefined');
    await openCardFromControl(shadow);
    await shadow.find('dialog', 'Idiolect: rewrite in your voice');
    expect(await shadow.evaluateInExtensionWorld('typeof idiolectRewriteCard')).toBe('object');
    await page.close();
  });

  it('rewrites the selection in a textarea at the shortcut, replaces only it, and one undo brings the original back', async () => {
    const { page, shadow } = await openCompose();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(`${BEFORE}${SELECTED}${AFTER}`);
    await box.evaluate((area: HTMLTextAreaElement, [from, to]) => area.setSelectionRange(from!, to!), [BEFORE.length, BEFORE.length + SELECTED.length]);
    await pressRewriteInPlace(page);

    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);
    // The page's own script cannot see into the card.
    expect(await page.evaluate(() => document.querySelector('idiolect-rewrite')?.shadowRoot)).toBeNull();
    expect(llm.chatRequests.at(-1)!.chat.userContent).toContain(SELECTED);
    expect(llm.chatRequests.at(-1)!.chat.userContent).not.toContain('Thanks');

    await shadow.click('button', 'Replace');
    await expect.poll(() => box.inputValue()).toBe(`${BEFORE}${FIRST_TRY}${AFTER}`);
    expect(await shadow.count('dialog', 'Idiolect: rewrite in your voice')).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => box.inputValue()).toBe(`${BEFORE}${SELECTED}${AFTER}`);
    await page.close();
  });

  it('keeps every try to step through, shows the changes as marked words, and adjusts on request', async () => {
    const { page, shadow } = await openCompose();
    const box = page.getByRole('textbox', { name: 'Message' });
    const draft = 'we should move the review to friday if that works';
    await box.fill(draft);
    await shadow.click('button', 'Rewrite');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);

    await shadow.click('button', 'Try again');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(LATER_TRY);
    await shadow.click('button', 'Warmer');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(LATER_TRY);
    expect(llm.chatRequests.at(-1)!.chat.systemPrompt).toContain('The person asked for a warmer version');
    await expect.poll(() => shadow.count('StaticText', 'Try 3 of 3 · Warmer')).toBe(1);

    await shadow.click('button', 'Previous try');
    await shadow.click('button', 'Previous try');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite')).toBe(FIRST_TRY);
    await expect.poll(() => shadow.count('StaticText', 'Try 1 of 3')).toBe(1);

    await shadow.click('button', 'Show changes');
    expect(await shadow.attribute('button', 'Show changes', 'aria-pressed')).toBe('true');
    // Word by word: what the rewrite added and what it removed, marked in the card.
    await expect.poll(() => shadow.count('insertion', /.*/)).toBeGreaterThan(0);
    expect(await shadow.count('deletion', /.*/)).toBeGreaterThan(0);
    expect(squashed(await shadow.text('paragraph', 'Rewrite'))).toContain(squashed('Catch'));

    await page.keyboard.press('Escape');
    await expect.poll(() => shadow.count('dialog', 'Idiolect: rewrite in your voice')).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('body');
    expect(await box.inputValue()).toBe(draft);
    await page.close();
  });

  it('takes “Sounds like me” or “Not like me” on the try shown, with a note, and keeps it as the popup does', async () => {
    const { page, shadow } = await openCompose();
    await page.getByRole('textbox', { name: 'Message' }).fill('can we move our sync to the afternoon');
    await shadow.click('button', 'Rewrite');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);
    await shadow.click('button', 'Not like me');
    await expect.poll(() => shadow.attribute('button', 'Not like me', 'aria-pressed')).toBe('true');
    await shadow.click('textbox', 'Note (optional)');
    await page.keyboard.type('too breezy for my team');
    await shadow.click('button', 'Save note');
    await shadow.find('StaticText', 'Kept: the next refinement of your profile weighs it.');

    const extensionPage = await browser.openExtensionPage('options.html');
    const stored = async () => (await readExtensionDatabase(extensionPage, 'rewriteFeedback')) as Array<{ verdict: string; note: string | null; rewrite: string; hypothesisIds: string[] }>;
    await expect.poll(async () => (await stored()).map(({ verdict, note, rewrite }) => ({ verdict, note, rewrite }))).toEqual([
      { verdict: 'not-like-me', note: 'too breezy for my team', rewrite: FIRST_TRY },
    ]);
    expect((await stored())[0]!.hypothesisIds.length).toBeGreaterThan(0);

    // A second try has a verdict of its own; pressing the chosen one again takes it back.
    await shadow.click('button', 'Try again');
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(LATER_TRY);
    expect(await shadow.attribute('button', 'Not like me', 'aria-pressed')).toBe('false');
    await shadow.click('button', 'Previous try');
    await expect.poll(() => shadow.attribute('button', 'Not like me', 'aria-pressed')).toBe('true');
    await shadow.click('button', 'Not like me');
    await expect.poll(async () => (await stored()).length).toBe(0);
    await extensionPage.close();
    await page.close();
  });

  it('rewrites the selection in a contenteditable at the shortcut the same way', async () => {
    const { page, shadow } = await openCompose();
    const comment = page.getByRole('textbox', { name: 'Comment' });
    await comment.click();
    await page.keyboard.type(`${BEFORE}${SELECTED}${AFTER}`);
    for (let step = 0; step < AFTER.length; step++) await page.keyboard.press('ArrowLeft');
    for (let step = 0; step < SELECTED.length; step++) await page.keyboard.press('Shift+ArrowLeft');
    await pressRewriteInPlace(page);
    await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);
    await shadow.click('button', 'Replace');
    await expect.poll(async () => squashed(await comment.innerText())).toBe(squashed(`${BEFORE}${FIRST_TRY}${AFTER}`));
    // The page's own code saw the change (an input event).
    expect(squashed(await page.locator('#comment-seen').innerText())).toBe(squashed(`${BEFORE}${FIRST_TRY}${AFTER}`));
    await page.keyboard.press('Control+z');
    await expect.poll(async () => squashed(await comment.innerText())).toBe(squashed(`${BEFORE}${SELECTED}${AFTER}`));
    await page.close();
  });

  /** Real saved editor pages from peer projects (see editors.test.ts), on the allowed host. */
  const EDITORS: Array<{ name: string; page: string; editor: string; model: ModelKind }> = [
    { name: 'Draft.js', page: 'fixtures/draftjs/draftjs_org_home.html', editor: '#rich-example .public-DraftEditor-content', model: 'draft' },
    { name: 'ProseMirror', page: 'fixtures/prosemirror/prosemirror_net_home.html', editor: '#editor .ProseMirror', model: 'prosemirror' },
  ];

  describe.skipIf(!haveFixtures).each(EDITORS)('in $name', ({ page: path, editor, model }) => {
    it('at the shortcut, replaces the selection in the editor’s own model, and its own undo brings the original back', async () => {
      seenDrafts.length = 0;
      const page = await browser.context.newPage();
      await page.goto(pages.url(path));
      const shadow = await closedShadowOf(page);
      await page.locator(editor).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ${BEFORE}${SELECTED}`);
      for (let step = 0; step < SELECTED.length; step++) await page.keyboard.press('Shift+ArrowLeft');
      const before = squashed((await modelText(page, editor, model)) ?? '');
      expect(before).toContain(squashed(SELECTED));

      // ProseMirror's history folds a change made within 500 ms of the last keystroke into the same
      // undo step; a real model (and a person reading the card) always take longer than that.
      llm.script({ paced: [{ afterMs: 700, content: FIRST_TRY }] });
      await pressRewriteInPlace(page);
      await expect.poll(() => shadow.text('paragraph', 'Rewrite').catch(() => '')).toBe(FIRST_TRY);
      expect(llm.chatRequests.at(-1)!.chat.userContent).toContain(`<draft>\n${SELECTED}\n</draft>`);
      await shadow.click('button', 'Replace');
      await expect.poll(async () => squashed((await modelText(page, editor, model)) ?? '')).toBe(before.replace(squashed(SELECTED), squashed(FIRST_TRY)));

      await page.keyboard.press('Control+z');
      await expect.poll(async () => squashed((await modelText(page, editor, model)) ?? '')).toBe(before);
      await page.close();
    });
  });

  it('says quietly in the page what happened to each text sent', async () => {
    const { page, shadow } = await openCompose();
    const text = 'Morning all, the standup moves to ten tomorrow because the room is booked. Bring your updates as usual.';
    await sendMessageOnPage(page, text);
    await shadow.find('StaticText', 'Kept for learning.');
    await page.reload();
    await sendMessageOnPage(page, text);
    await shadow.find('StaticText', 'Not kept: already have it.');

    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('switch', { name: 'Pause all collection' }).check();
    await expect.poll(() => readStoredSetting(options, 'collectionPaused')).toBe(true);
    await sendMessageOnPage(page, 'Written while paused, on a page that was open before the pause, and never read at all.');
    await shadow.find('StaticText', 'Not kept: collection is paused.');
    await options.getByRole('switch', { name: 'Pause all collection' }).uncheck();
    await options.close();
    await page.close();
  });
});

