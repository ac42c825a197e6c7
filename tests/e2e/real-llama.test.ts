import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationResultsSchema } from '../../scripts/evaluation/results-schema';
import { hypothesisSetSchema } from '../../lib/hyperalign/schema';
import { sendMessageOnPage } from './support/compose-page';
import { readStore } from './support/engine-helpers';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { LEARNING_TEXTS } from './support/learned-profile';
import { allowSiteFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';
import { REPO_ROOT, startRealLlama, whyLlamaServerCannotRun, type RealLlama } from './support/real-llama';

/*
 * The built extension against llama.cpp's own server and a tiny random-weights model. The model
 * writes gibberish: this checks protocol and behaviour (a stored, schema-valid profile, a streamed
 * rewrite, a report written), never wording.
 */
const cannotRun = whyLlamaServerCannotRun();
if (cannotRun) console.warn(`real-llama e2e skipped: ${cannotRun}`);

const run = promisify(execFile);

describe.skipIf(cannotRun !== null)('against a real llama-server (../shared/llama)', () => {
  let llama: RealLlama;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    llama = await startRealLlama({ chatTemplate: true });
    pages = await startPageServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llama?.close();
  });

  it('is set up as llama.cpp, picks the model the server lists, and Test connection answers within 2 s', async () => {
    options = await allowSiteFromOptions(browser, '127.0.0.1');
    const form = options.getByRole('form', { name: 'Model endpoint' });
    await form.getByRole('combobox', { name: 'Provider' }).selectOption('llamacpp');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(llama.baseURL);
    await form.getByRole('button', { name: 'Find models' }).click();
    await form.getByRole('status').getByText(/offers 1 model/).waitFor();
    const offered = await form.locator('datalist option').evaluateAll((items) => items.map((item) => item.getAttribute('value')));
    expect(offered).toEqual([llama.modelId]);
    await form.getByRole('combobox', { name: 'Model' }).fill(llama.modelId);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();

    const started = Date.now();
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByRole('status').getByText(/^Connected\./).waitFor({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('learns a stored, schema-valid profile from four sent texts', { timeout: 240_000 }, async () => {
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
    await compose.close();
    const finished = async () => (await readStore<{ state: string; error: string | null }>(options, 'jobs')).filter((job) => job.state === 'done' || job.state === 'failed');
    await expect.poll(async () => (await finished()).length, { timeout: 220_000, interval: 1_000 }).toBeGreaterThan(0);
    // A job queued while another ran ends 'done' with nothing left to learn; none may fail, and one version is stored.
    expect(new Set((await finished()).map((job) => job.error ?? job.state))).toEqual(new Set(['done']));
    const sets = await readStore<unknown>(options, 'hypothesisSets');
    expect(sets).toHaveLength(1);
    expect(hypothesisSetSchema.safeParse(sets[0]).success).toBe(true);
  });

  it('streams a rewrite of a draft and checks its facts', { timeout: 120_000 }, async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Draft', exact: true }).fill('Dear all, the demo is on Tuesday at 3pm in room 4. Please bring your laptop.');
    await popup.getByRole('button', { name: 'Rewrite' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue(), { timeout: 100_000 }).not.toBe('');
    // Once the stream has ended: the fact check (all facts kept, or what was lost), or, when the
    // random model ran into its token cap, the words that say so, with the text kept.
    await popup.locator('.fact-check, .rewrite-failure').first().waitFor({ timeout: 100_000 });
    if (await popup.locator('.rewrite-failure').count()) {
      await expect(popup.getByRole('alert').textContent()).resolves.toMatch(/length limit.*What it wrote is kept/);
      await expect(popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).resolves.not.toBe('');
    }
    await popup.close();
  });

  it('runs npm run eval on two authors at its default concurrency and writes results.json and report.md', { timeout: 400_000 }, async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'idiolect-real-eval-'));
    try {
      await run(
        'npm',
        ['run', '--silent', 'eval', '--', '--data', path.resolve(REPO_ROOT, '../shared/data/dev-emails.jsonl'), '--base-url', llama.baseURL, '--model', llama.modelId, '--authors', '2', '--k', '4', '--out', out],
        { cwd: REPO_ROOT, timeout: 380_000 },
      );
      const results = evaluationResultsSchema.parse(JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')));
      expect(results.overall.authors).toBe(2);
      expect((await readFile(path.join(out, 'report.md'), 'utf8')).length).toBeGreaterThan(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe.skipIf(cannotRun !== null)('against a real llama-server started without a chat template', () => {
  let llama: RealLlama;
  let pages: PageServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    llama = await startRealLlama({ chatTemplate: false });
    pages = await startPageServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llama?.close();
  });

  it('learning stores a profile or says in words that the server needs a chat template', { timeout: 240_000 }, async () => {
    const options = await allowSiteFromOptions(browser, '127.0.0.1');
    const form = options.getByRole('form', { name: 'Model endpoint' });
    await form.getByRole('combobox', { name: 'Provider' }).selectOption('llamacpp');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(llama.baseURL);
    await form.getByRole('combobox', { name: 'Model' }).fill(llama.modelId);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
    await compose.close();
    const popup = await browser.openExtensionPage('popup.html');
    const outcome = popup.getByText(/no chat template for its model.*--chat-template/).or(popup.getByRole('list', { name: 'How you write' }));
    await outcome.first().waitFor({ timeout: 220_000 });
  });
});
