import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { REPLY_OWN_TEXT, TAKEOUT_MBOX } from '../support/mbox-fixtures';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';

describe('importing existing writing from the options page', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let panel: Locator;

  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
    panel = options.getByRole('region', { name: 'Import your writing' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps only the sent messages of a Gmail Takeout mbox and says what it did', async () => {
    await panel
      .getByLabel('Import files (.txt, .md, .eml, .mbox)')
      .setInputFiles({ name: 'Sent.mbox', mimeType: 'application/mbox', buffer: Buffer.from(TAKEOUT_MBOX) });
    await expect(panel.getByRole('textbox', { name: 'Your email address(es)' }).isVisible()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Import selected files' }).click();

    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toBe('Added 2 samples. 1 message was not yours and left out. Skipped 1: too short (1).');
    const stored = await readStoredSamples(options);
    expect(stored).toHaveLength(2);
    expect(stored).toContainEqual({ text: REPLY_OWN_TEXT, site: 'import', kind: 'email', recipientDomain: 'partner.example' });
  });

  it('refuses a file that is not an mbox and stores nothing more', async () => {
    await panel
      .getByLabel('Import files (.txt, .md, .eml, .mbox)')
      .setInputFiles({ name: 'export.mbox', mimeType: 'application/mbox', buffer: Buffer.from('{"messages": []}\n') });
    await panel.getByRole('button', { name: 'Import selected files' }).click();

    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/^export\.mbox: This is not an mbox file.* Nothing was imported\.$/);
    expect(await readStoredSamples(options)).toHaveLength(2);
  });
});
