import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriteBack } from './support/bundle-write-back';
import { modelText, type ModelKind } from './support/editor-models';
import { CHROMIUM_PATH } from './support/extension-browser';
import { startPageServer, type PageServer } from './support/page-server';

/** Real saved editor pages from peer projects, served from ../shared at test time (never copied here). */
const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/editors/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) console.warn(`[idiolect] Skipping real-editor e2e tests: ${FIXTURES} is missing (a clone without ../shared).`);

const DRAFT = 'hey, typed this myself ';
const REWRITE = 'Rewritten in my own voice.\nA second line, still mine.';

interface EditorFixture {
  name: string;
  page: string;
  editor: string;
  model: ModelKind;
}

const EDITORS: EditorFixture[] = [
  { name: 'Draft.js (draftjs.org)', page: 'fixtures/draftjs/draftjs_org_home.html', editor: '#rich-example .public-DraftEditor-content', model: 'draft' },
  { name: 'ProseMirror (prosemirror.net)', page: 'fixtures/prosemirror/prosemirror_net_home.html', editor: '#editor .ProseMirror', model: 'prosemirror' },
  { name: 'Slate (slatejs.org rich text)', page: 'fixtures/slate/slatejs_examples_richtext.html', editor: '[data-slate-editor="true"]', model: 'slate' },
];

let browser: Browser;
let pages: PageServer;
let writeBack: string;

beforeAll(async () => {
  [browser, pages, writeBack] = await Promise.all([
    chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
    startPageServer(haveFixtures ? { fixtures: FIXTURES } : {}),
    bundleWriteBack(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

async function openWithWriteBack(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(pages.url(path));
  await page.addScriptTag({ content: writeBack });
  return page;
}

function write(page: Page, selector: string, text: string) {
  return page.evaluate(([target, value]) => window.idiolect.write(target!, value!), [selector, text]);
}

function squashed(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

describe.skipIf(!haveFixtures)('a rewrite written into real editors (saved pages, served over http)', () => {
  describe.each(EDITORS)('$name', ({ page: path, editor, model }) => {
    let page: Page;

    beforeAll(async () => {
      page = await openWithWriteBack(path);
      await page.locator(editor).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(DRAFT);
    });

    afterAll(() => page?.close());

    it('lands in the editor’s own model, not just its DOM', async () => {
      const result = await write(page, editor, REWRITE);
      expect(result.ok).toBe(true);
      expect(squashed(await page.locator(editor).innerText())).toBe(squashed(REWRITE));
      await expect.poll(async () => squashed((await modelText(page, editor, model)) ?? '')).toBe(squashed(REWRITE));
    });

    it('is kept when the user goes on typing, instead of the editor putting its old text back', async () => {
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Thanks!');
      await expect.poll(async () => squashed(await page.locator(editor).innerText())).toBe(squashed(`${REWRITE} Thanks!`));
      expect(squashed((await modelText(page, editor, model)) ?? '')).toBe(squashed(`${REWRITE} Thanks!`));
    });

    it('is taken back by the editor’s own undo', async () => {
      const fresh = await openWithWriteBack(path);
      await fresh.locator(editor).click();
      await fresh.keyboard.press('Control+End');
      await fresh.keyboard.type(DRAFT);
      const before = squashed(await fresh.locator(editor).innerText());
      await write(fresh, editor, REWRITE);
      await fresh.keyboard.press('Control+z');
      // Back to the user's text; editors that group quick edits (ProseMirror) may also undo the typing just before.
      await expect.poll(async () => before.startsWith(squashed(await fresh.locator(editor).innerText()))).toBe(true);
      expect(squashed(await fresh.locator(editor).innerText())).not.toContain(squashed(REWRITE));
      await fresh.close();
    });
  });
});

describe('a rewrite written into pages’ own editors', () => {
  it('updates a React-controlled textarea’s state, so React keeps it on re-render and sends it', async () => {
    const app = await build({
      entryPoints: [fileURLToPath(new URL('./pages/react-compose.tsx', import.meta.url))],
      bundle: true,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    const page = await browser.newPage();
    await page.goto(pages.url('react-compose.html'));
    await page.addScriptTag({ content: app.outputFiles[0]!.text });
    await page.addScriptTag({ content: writeBack });
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill(DRAFT);

    expect(await write(page, '#reply', REWRITE)).toEqual({ ok: true, method: 'insertText' });
    await expect.poll(() => page.getByRole('status', { name: 'Characters' }).textContent()).toBe(`${REWRITE.length} characters`);
    // A keystroke re-renders from React state: had React missed the rewrite, the draft would come back.
    await reply.press('End');
    await reply.press('!');
    await expect.poll(() => reply.inputValue()).toBe(`${REWRITE}!`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sent' }).getByRole('listitem').allTextContents()).toEqual([`${REWRITE}!`]);
    await page.close();
  });

  it('replaces a plain contenteditable comment, which the page’s Post handler then sends', async () => {
    const page = await openWithWriteBack('compose.html');
    const comment = page.getByRole('textbox', { name: 'Comment' });
    await comment.click();
    await page.keyboard.type(DRAFT);
    const inputs = page.evaluate(
      () => new Promise<string>((resolve) => document.getElementById('comment')!.addEventListener('input', (event) => resolve((event as InputEvent).inputType), { once: true })),
    );
    expect(await write(page, '#comment', REWRITE)).toEqual({ ok: true, method: 'insertText' });
    expect(await inputs).toBe('insertText');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Sent' }).getByRole('listitem').allTextContents()).toEqual([REWRITE]);
    await page.close();
  });
});
