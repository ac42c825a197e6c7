import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { allowSiteFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';

const SITE = 'mail.example.test';
const SENT_AT_WORK = 'Hi Priya, the quarterly numbers are in the shared folder now; the summary slide still needs your chart.';

/**
 * Voices and the person's data, through the options page as a person uses it: by role and name.
 * One browser for the whole story, each step building on the one before.
 */
describe('voices, per-site voices and your data', () => {
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    pages = await startPageServer();
    browser = await launchWithExtension();
    await browser.grantSiteAccessInBrowser(`*://${SITE}/*`);
    options = await allowSiteFromOptions(browser, SITE);
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  const toasts = (): Locator => options.getByRole('region', { name: /^Notifications/ });
  const voice = (name: string): Locator => options.getByRole('list', { name: 'Voices' }).getByRole('listitem', { name, exact: true });

  it('creates a voice without switching to it, and refuses a name already taken, ignoring case and spaces', async () => {
    await options.getByRole('textbox', { name: 'Name of a new voice' }).fill('Work email');
    await options.getByRole('button', { name: 'Create voice' }).click();
    await options.getByRole('status').getByText('Created “Work email”. New texts still go to the active voice until you choose “Use for new texts”.').waitFor();
    await voice('My voice').getByText('Active').waitFor();
    await voice('Work email').getByRole('button', { name: 'Use for new texts' }).waitFor();
    expect(await voice('Work email').getByText('Active').count()).toBe(0);

    await options.getByRole('textbox', { name: 'Name of a new voice' }).fill('  work EMAIL ');
    await options.getByRole('button', { name: 'Create voice' }).click();
    await options.getByRole('alert').getByText('There is already a voice called “Work email”. Choose another name.').waitFor();
    expect(await options.getByRole('list', { name: 'Voices' }).getByRole('listitem').count()).toBe(2);
  });

  it('renames a voice, refusing the name of another', async () => {
    await voice('Work email').getByRole('button', { name: 'Rename' }).click();
    const name = options.getByRole('textbox', { name: 'New name for “Work email”' });
    await name.fill('my voice');
    await options.getByRole('button', { name: 'Save name' }).click();
    await options.getByRole('alert').getByText('There is already a voice called “My voice”. Choose another name.').waitFor();
    await name.fill('Work mail');
    await options.getByRole('button', { name: 'Save name' }).click();
    await options.getByRole('status').getByText('Renamed “Work email” to “Work mail”.').waitFor();
    await voice('Work mail').waitFor();
  });

  it('keeps a text sent on a site in the voice chosen for that site', async () => {
    await options.getByRole('combobox', { name: `Voice on ${SITE}` }).selectOption({ label: 'Work mail' });
    await options.getByRole('status').getByText(`Texts you send on ${SITE} now go to “Work mail”.`).waitFor();
    await voice('Work mail').getByText(`Used on ${SITE}`).waitFor();

    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html', SITE));
    await sendMessageOnPage(compose, SENT_AT_WORK);
    await compose.close();
    await voice('Work mail').getByText(/^1 sample ·/).waitFor();
    await voice('My voice').getByText(/^0 samples ·/).waitFor();
    await voice('My voice').getByText('Active').waitFor();
  });

  it('deletes a voice after saying how many samples go with it, and Undo brings it back with its site', async () => {
    await voice('Work mail').getByRole('button', { name: 'Delete' }).click();
    const dialog = options.getByRole('alertdialog', { name: 'Delete “Work mail”?' });
    await dialog.getByText('Deleting it also deletes its 1 sample.').waitFor();
    await dialog.getByRole('button', { name: 'Delete “Work mail” and 1 sample' }).click();
    await toasts().getByText('Deleted “Work mail” and its 1 sample.').waitFor();
    await expect.poll(() => voice('Work mail').count()).toBe(0);
    await expect.poll(() => options.getByRole('combobox', { name: `Voice on ${SITE}` }).inputValue()).toBe('');

    await toasts().getByRole('button', { name: 'Undo' }).click();
    await voice('Work mail').getByText(`1 sample · nothing learned yet · Used on ${SITE}`).waitFor();
    await toasts().getByText('“Work mail” is back, with its 1 sample.').waitFor();
    const combobox = options.getByRole('combobox', { name: `Voice on ${SITE}` });
    await expect.poll(async () => combobox.locator('option:checked').textContent()).toBe('Work mail');
    expect((await readStoredSamples(options)).map(({ text, site }) => ({ text, site }))).toEqual([{ text: SENT_AT_WORK, site: SITE }]);
  });

  it('exports everything, wipes it, imports it back after a preview, and a second import adds nothing', async () => {
    await options.getByText('2 voices, 1 sample, 0 learned versions and 1 allowed site.').waitFor();
    await options.getByRole('combobox', { name: 'Voices to export' }).selectOption({ label: 'All voices' });
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export', exact: true }).click()]);
    const exportedPath = (await download.path())!;
    const exported = await readFile(exportedPath, 'utf8');
    expect(exported).toContain(SENT_AT_WORK);
    await options.getByRole('status').getByText('Exported 2 voices with 1 sample. The file holds your texts: keep it private.').waitFor();

    await options.getByRole('button', { name: 'Delete all my data' }).click();
    const wipe = options.getByRole('alertdialog', { name: 'Delete all your data?' });
    await wipe.getByText('2 voices with 1 sample and 0 learned versions').waitFor();
    await wipe.getByText('your model settings and API key').waitFor();
    await wipe.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByRole('status').getByText('Everything Idiolect stored in this browser has been deleted.').waitFor();
    await options.getByText('0 voices, 0 samples, 0 learned versions and 0 allowed sites.').waitFor();

    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.getByLabel('Import profiles from an export file').click()]);
    await chooser.setFiles(exportedPath);
    const preview = options.getByRole('region', { name: /^In / });
    await preview.getByText('“My voice”: a new voice').waitFor();
    await preview.getByText('“Work mail”: a new voice').waitFor();
    await preview.getByText('Importing adds 1 sample and 0 learned versions, in 2 new voices. Nothing here is replaced.').waitFor();
    expect(await readStoredSamples(options)).toEqual([]);
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.getByRole('status').getByText('Imported 1 sample and 0 learned versions into 2 new voices.').waitFor();
    await options.getByText('2 voices, 1 sample, 0 learned versions and 0 allowed sites.').waitFor();
    await voice('Work mail').getByText(/^1 sample ·/).waitFor();

    await options.getByLabel('Import profiles from an export file').setInputFiles(exportedPath);
    await preview.getByText('“Work mail”: already here, merged').waitFor();
    await preview.getByText('Everything in this file is already here: importing it would add nothing.').waitFor();
    expect(await preview.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await preview.getByRole('button', { name: 'Close' }).click();
    await options.getByText('2 voices, 1 sample, 0 learned versions and 0 allowed sites.').waitFor();
    expect(await readStoredSamples(options)).toHaveLength(1);
  });
});
