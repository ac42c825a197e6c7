import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bundleWriteBack } from './support/bundle-write-back';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { startPageServer, type PageServer } from './support/page-server';

const NEW_LINES = ['Hi Maria,', 'Thursday at ten works for me. I will bring two signed copies of the contract and the updated price list for your team.', 'Jo'];
const NEW_TEXT = NEW_LINES.join('\n');
const SIGNATURE = 'Head of Operations, Bloggs & Co';
const QUOTED = 'could we sign the contract on Thursday at ten instead of Friday';
const PASSPHRASE = 'correct horse battery staple';
const ONE_TIME_CODE = '493 817';
const DRAFT = 'hey maria thursday is ok i think, will bring the contract probably and maybe the prices too if i remember them';
const REWRITE = 'Hi Maria, Thursday at ten is fine. I will bring the contract and the new price list, so we can sign on the spot. Jo';

describe('a Gmail-like reply: what is harvested on send, and what a rewrite does to the page', () => {
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let extensionPage: Page;
  let writeBack: string;

  beforeAll(async () => {
    [pages, browser, writeBack] = await Promise.all([startPageServer(), launchWithExtension(), bundleWriteBack()]);
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('textbox', { name: 'Site to allow' }).fill('127.0.0.1');
    await options.getByRole('button', { name: 'Allow site' }).click();
    await options.getByRole('list', { name: 'Allowed sites' }).getByRole('button', { name: 'Remove 127.0.0.1' }).waitFor();
    extensionPage = options;
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  async function openReply(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(pages.url('gmail-compose.html'));
    return page;
  }

  /** Puts the caret on the reply's first, empty line, above the signature, as a click there would. */
  async function caretAtTopOfReply(page: Page) {
    await page.getByRole('textbox', { name: 'Message Body' }).evaluate((body) => {
      body.focus();
      const range = document.createRange();
      range.setStart(body.firstElementChild!, 0);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
  }

  it('stores only the new text of the reply: not the quoted thread, the signature, the passphrase or the code', async () => {
    const page = await openReply();
    await caretAtTopOfReply(page);
    await page.keyboard.type(NEW_LINES[0]!);
    for (const line of NEW_LINES.slice(1)) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.getByLabel('Encryption passphrase').fill(PASSPHRASE);
    // Typed last, so it is the most recent field: it still must not be what Send harvests.
    await page.getByLabel('Verification code').fill(ONE_TIME_CODE);
    await page.getByRole('button', { name: /^Send/ }).click();
    await page.getByRole('list', { name: 'Sent' }).getByText(NEW_LINES[1]!).waitFor();

    await expect.poll(() => readStoredSamples(extensionPage), { timeout: 10_000 }).toHaveLength(1);
    const [sample] = await readStoredSamples(extensionPage);
    expect(sample).toMatchObject({ text: NEW_TEXT, kind: 'email', recipientDomain: 'example.org' });
    for (const secret of [SIGNATURE, QUOTED, PASSPHRASE, ONE_TIME_CODE, 'wrote:']) expect(sample!.text).not.toContain(secret);
    await page.close();
  });

  it('writes a rewrite that the page’s own draft handling sees, that undo takes back, and that survives Send', async () => {
    const page = await openReply();
    await caretAtTopOfReply(page);
    await page.keyboard.type(DRAFT);
    await page.getByRole('status', { name: 'Draft status' }).getByText(/Draft saved/).waitFor();
    const savesBefore = await draftSaves(page);

    await page.addScriptTag({ content: writeBack });
    const result = await page.evaluate((text) => window.idiolect.write('[g_editable="true"]', text, 'gmail'), REWRITE);
    expect(result).toEqual({ ok: true, method: 'insertText' });
    const body = page.getByRole('textbox', { name: 'Message Body' });
    await expect.poll(() => body.innerText()).toContain(REWRITE);
    // The signature and the quoted thread below the reply stay where they were.
    expect(await body.innerText()).toContain(SIGNATURE);
    expect(await body.innerText()).toContain(QUOTED);
    expect(await body.innerText()).not.toContain(DRAFT);
    await expect.poll(() => draftSaves(page)).toBeGreaterThan(savesBefore);

    await page.keyboard.press('Control+z');
    await expect.poll(() => body.innerText()).toContain(DRAFT);
    expect(await body.innerText()).not.toContain(REWRITE);

    await page.evaluate((text) => window.idiolect.write('[g_editable="true"]', text, 'gmail'), REWRITE);
    await page.getByRole('button', { name: /^Send/ }).click();
    const sent = page.getByRole('list', { name: 'Sent' }).getByRole('listitem');
    await expect.poll(() => sent.allInnerTexts()).toEqual([REWRITE]);
    await page.close();
  });
});

async function draftSaves(page: Page): Promise<number> {
  const status = (await page.getByRole('status', { name: 'Draft status' }).textContent()) ?? '';
  return Number(status.match(/\((\d+)\)/)?.[1] ?? 0);
}
