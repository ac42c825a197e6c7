import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSampleStates, type ExtensionBrowser } from './support/extension-browser';
import { allowSiteFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';

const SENT = [
  'Hi Priya, thanks for the notes on the onboarding doc. I folded in most of them and left two questions in the margin for you.',
  'Quick update: the invoice went out this morning and finance expects the payment within thirty days, as agreed in the contract.',
  'Hey Tom, could you look at the flaky checkout test before Friday? It failed three times last night and nobody knows why yet.',
];
const PASTED = [
  'Dear neighbours, the garden meeting moves to Thursday at seven because the hall is booked on Wednesday. Please bring your own cups.',
  'Sounds good, see you at three then.',
];

describe('the samples table in the options page', () => {
  let browser: ExtensionBrowser;
  let pages: PageServer;
  let options: Page;
  let table: Locator;
  const shownCount = () => options.getByRole('status').filter({ hasText: /of \d+ samples?$/ });

  beforeAll(async () => {
    pages = await startPageServer();
    browser = await launchWithExtension();
    options = await allowSiteFromOptions(browser, '127.0.0.1');
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    for (const text of SENT) await sendMessageOnPage(compose, text);
    await compose.close();
    const panel = options.getByRole('region', { name: 'Import your writing' });
    for (const text of PASTED) {
      await panel.getByRole('textbox', { name: 'Text you wrote' }).fill(text);
      await panel.getByRole('button', { name: 'Add as sample' }).click();
      await panel.getByRole('status').getByText('Added 1 sample.').waitFor();
    }
    table = options.getByRole('table', { name: 'Samples' });
    await shownCount().getByText('5 of 5 samples').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it('finds samples by their words and by filters', async () => {
    await options.getByRole('searchbox', { name: 'Search samples' }).fill('invoice');
    await shownCount().getByText('1 of 5 samples').waitFor();
    await table.getByRole('button', { name: /^Quick update: the invoice/ }).waitFor();
    await options.getByRole('searchbox', { name: 'Search samples' }).fill('');
    await options.getByRole('checkbox', { name: 'Only short texts (under 20 words)' }).check();
    await shownCount().getByText('1 of 5 samples').waitFor();
    await table.getByRole('button', { name: PASTED[1]! }).waitFor();
    await options.getByRole('button', { name: 'Clear filters' }).click();
    await shownCount().getByText('5 of 5 samples').waitFor();
  });

  it('keeps the selected samples of one site out of learning', async () => {
    await options.getByRole('combobox', { name: 'Site' }).selectOption('paste');
    await shownCount().getByText('2 of 5 samples').waitFor();
    await table.getByRole('checkbox', { name: 'Select all shown' }).check();
    await options.getByRole('button', { name: 'Keep out of learning' }).click();
    await options.getByText('5 samples (2 kept out)').waitFor();
    await expect(table.getByText('Kept out').count()).resolves.toBe(2);
    await options.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('deletes selected samples, and Undo brings every row back exactly as it was', async () => {
    const before = await readStoredSampleStates(options);
    await table.getByRole('checkbox', { name: /^Select: Hi Priya/ }).check();
    await table.getByRole('checkbox', { name: /^Select: Dear neighbours/ }).check();
    await table.getByRole('checkbox', { name: /^Select: Sounds good/ }).check();
    await options.getByRole('group', { name: 'Selected samples' }).getByRole('button', { name: 'Delete' }).click();
    await shownCount().getByText('2 of 2 samples').waitFor();
    const deleted = options.getByRole('listitem').filter({ hasText: 'Deleted 3 samples.' });
    await deleted.getByRole('button', { name: 'Undo' }).click();
    await shownCount().getByText('5 of 5 samples').waitFor();
    for (const text of [...SENT, ...PASTED]) await table.getByRole('button', { name: new RegExp(`^${text.slice(0, 30)}`) }).waitFor();
    expect(await readStoredSampleStates(options)).toEqual(before);
  });

  it('opens the sample a link names', async () => {
    const linked = (await readStoredSampleStates(options)).find((sample) => sample.text === SENT[2])!;
    const page = await browser.context.newPage();
    await page.goto(`${options.url().split('#')[0]}#samples?sample=${encodeURIComponent(linked.id)}`);
    const sample = page.getByRole('dialog', { name: 'Sample from 127.0.0.1' });
    await sample.getByText(SENT[2]!).waitFor();
    await sample.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('table', { name: 'Samples' }).getByRole('button', { name: /^Hey Tom, could you look/ }).waitFor();
    await page.close();
  });
});
