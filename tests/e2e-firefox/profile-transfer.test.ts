import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { LEARNING_TEXTS } from '../e2e/support/learned-profile';
import { startPageServer, type PageServer } from '../e2e/support/page-server';
import { launchFirefoxWithExtension, readStoredSampleTexts, type FirefoxWithExtension } from './support/firefox-browser';
import { learnProfileFromSentTexts } from './support/firefox-flows';
import { pollUntil, type FirefoxTab } from './support/firefox-tab';

const API_KEY = 'sk-firefox-profile-transfer-secret';

/** Firefox names a file input by its label followed by its own button text (“Browse… No file selected.”). */
const IMPORT_LABEL = /^Import profiles from an export file\b/;

describe('Firefox: the user exports, wipes and restores their profile', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let firefox: FirefoxWithExtension;
  let options: FirefoxTab;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    pages = await startPageServer();
    firefox = await launchFirefoxWithExtension();
    options = await learnProfileFromSentTexts(firefox, pages, llm, API_KEY);
  });

  const importField = () => options.getByLabel(IMPORT_LABEL);

  afterAll(async () => {
    await firefox?.close();
    await pages?.close();
    await llm?.close();
  });

  it('exports a file with the profile and without the API key, wipes everything, and imports it back', async () => {
    await options.getByRole('button', 'Forget API key').waitFor();
    await options.getByRole('button', 'Export').click();
    await options.waitForText('Exported 1 voice with 4 samples.');
    const [file] = await pollUntil(() => firefox.downloads(), (files) => files.length === 1, 'the export to be downloaded');
    const exported = await readFile(file!, 'utf8');
    for (const text of LEARNING_TEXTS) expect(exported).toContain(JSON.stringify(text).slice(1, -1));
    expect(exported).not.toContain(API_KEY);

    await options.getByRole('button', 'Delete all my data').click();
    await options.getByRole('button', 'Yes, delete everything').click();
    await options.waitForText('Everything Idiolect stored in this browser has been deleted.');
    expect(await readStoredSampleTexts(options)).toEqual([]);
    // The key went with it: after a reload the form no longer offers to forget a saved one.
    await options.reload();
    await options.getByRole('button', 'Test connection').waitFor();
    expect(await options.getByRole('button', 'Forget API key').count()).toBe(0);
    expect(await options.getByLabel('API key').property('placeholder')).not.toMatch(/A key is saved/);

    await importField().setInputFile(file!);
    await options.waitForText('Importing adds 4 samples and 1 learned version, in 1 new voice.');
    expect(await readStoredSampleTexts(options)).toEqual([]);
    await options.getByRole('button', 'Import').click();
    await options.waitForText('Imported 4 samples and 1 learned version into 1 new voice.');
    expect(await readStoredSampleTexts(options)).toEqual([...LEARNING_TEXTS].sort());
  });

  it('refuses a file that is not a profile, and changes nothing', async () => {
    const notes = path.join(firefox.downloadDir, 'notes.json');
    await writeFile(notes, '{"hello": "world"}');
    await importField().setInputFile(notes);
    await options.getByRole('alert').waitForText(/not a valid Idiolect profile.*Nothing was changed\./);
    expect(await readStoredSampleTexts(options)).toHaveLength(4);
  });
});
