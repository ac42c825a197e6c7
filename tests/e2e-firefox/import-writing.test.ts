import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_OWN_TEXT, TAKEOUT_MBOX } from '../support/mbox-fixtures';
import { launchFirefoxWithExtension, readStore, type FirefoxWithExtension } from './support/firefox-browser';
import type { FirefoxTab, Locator } from './support/firefox-tab';

/** Firefox names a file input by its label followed by its own button text (“Browse… No files selected.”). */
const FILES_LABEL = /^Import files \(\.txt, \.md, \.eml, \.mbox\)/;

interface StoredSample {
  text: string;
  site: string;
  kind: string;
  recipientDomain: string | null;
}

describe('Firefox: importing existing writing from the options page', () => {
  let firefox: FirefoxWithExtension;
  let options: FirefoxTab;
  let panel: Locator;
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(path.join(tmpdir(), 'idiolect-firefox-files-'));
    firefox = await launchFirefoxWithExtension();
    options = await firefox.openExtensionPage('options.html');
    panel = options.getByRole('region', 'Import your writing');
  });

  afterAll(async () => {
    await firefox?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  const samples = async () => (await readStore<StoredSample>(options, 'samples')).map(({ text, site, kind, recipientDomain }) => ({ text, site, kind, recipientDomain }));

  it('keeps only the sent messages of a Gmail Takeout mbox and says what it did', async () => {
    const mbox = path.join(files, 'Sent.mbox');
    await writeFile(mbox, TAKEOUT_MBOX);
    await panel.getByLabel(FILES_LABEL).setInputFile(mbox);
    await panel.getByRole('textbox', 'Your email address(es)').waitFor();
    await panel.getByRole('button', 'Import selected files').click();

    await panel.getByRole('status').waitForText('Added 2 samples. 1 message was not yours and left out. Skipped 1: too short (1).');
    const stored = await samples();
    expect(stored).toHaveLength(2);
    expect(stored).toContainEqual({ text: REPLY_OWN_TEXT, site: 'import', kind: 'email', recipientDomain: 'partner.example' });
  });

  it('refuses a file that is not an mbox and stores nothing more', async () => {
    const notMbox = path.join(files, 'export.mbox');
    await writeFile(notMbox, '{"messages": []}\n');
    await panel.getByLabel(FILES_LABEL).setInputFile(notMbox);
    await panel.getByRole('button', 'Import selected files').click();

    await panel.getByRole('alert').waitForText(/^export\.mbox: This is not an mbox file.* Nothing was imported\.$/);
    expect(await samples()).toHaveLength(2);
  });
});
