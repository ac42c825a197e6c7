import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { LEARNING_TEXTS, launchWithLearnedProfile, type LearnedProfileSetup } from './support/learned-profile';
import { SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-profile-management-secret';
const [FIRST, SECOND, THIRD] = SCRIPTED_HYPOTHESES as [string, string, string];

describe('the user reads, edits, exports, wipes and restores their profile', () => {
  let setup: LearnedProfileSetup;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    setup = await launchWithLearnedProfile(API_KEY);
    ({ browser, options } = setup);
  });

  afterAll(() => setup?.close());

  it('edits one hypothesis and rejects another; the popup shows the edit and hides the rejected one', async () => {
    await options.getByRole('button', { name: `Edit “${FIRST}”` }).click();
    await options.getByRole('textbox', { name: `New wording for “${FIRST}”` }).fill('Greets people by first name, never with “Dear”.');
    await options.getByRole('button', { name: `Use this wording for “${FIRST}”` }).click();
    await options.getByRole('button', { name: 'Edit “Greets people by first name, never with “Dear”.”' }).waitFor();
    await options.getByRole('button', { name: `Reject “${SECOND}”` }).click();
    await options.getByText('Rejected by you (1)').click();
    await options.getByRole('list', { name: 'Rejected hypotheses' }).getByRole('button', { name: `Restore “${SECOND}”` }).waitFor();

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'How you write' }).click();
    const list = popup.getByRole('list', { name: 'How you write' });
    await list.getByText('Greets people by first name, never with “Dear”.').waitFor();
    await list.getByText(THIRD).waitFor();
    await expect(list.getByText(SECOND).count()).resolves.toBe(0);
    await popup.close();
  });

  it('keeps a sample out of learning without deleting it', async () => {
    const table = options.getByRole('table', { name: 'Samples' });
    await table.getByRole('checkbox', { name: new RegExp(`^Select: ${LEARNING_TEXTS[0]!.slice(0, 30)}`) }).check();
    await options.getByRole('button', { name: 'Keep out of learning' }).click();
    await options.getByText('4 samples (1 kept out)').waitFor();
    await expect(readStoredSamples(options)).resolves.toHaveLength(4);
  });

  it('exports a file with the profile and without the API key, wipes everything, and imports it back', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export', exact: true }).click()]);
    const exported = await readFile((await download.path())!, 'utf8');
    for (const text of LEARNING_TEXTS) expect(exported).toContain(JSON.stringify(text).slice(1, -1));
    expect(exported).not.toContain(API_KEY);

    await options.getByRole('button', { name: 'Delete all my data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Everything Idiolect stored in this browser has been deleted.').waitFor();
    expect(await readStoredSamples(options)).toEqual([]);

    await options.getByLabel('Import profiles from an export file').setInputFiles({
      name: 'idiolect-profile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await options.getByText('Importing adds 4 samples and 1 learned version, in 1 new voice. Nothing here is replaced.').waitFor();
    expect(await readStoredSamples(options)).toEqual([]);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('status').getByText('Imported 4 samples and 1 learned version into 1 new voice.').waitFor();
    expect((await readStoredSamples(options)).map((sample) => sample.text).sort()).toEqual([...LEARNING_TEXTS].sort());
  });

  it('refuses a file that is not a profile, and changes nothing', async () => {
    await options.getByLabel('Import profiles from an export file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await options.getByRole('alert').getByText(/not a valid Idiolect profile.*Nothing was changed\./).waitFor();
    expect(await readStoredSamples(options)).toHaveLength(4);
  });
});
