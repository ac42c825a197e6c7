import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { type FakeOpenAI, startFakeOpenAI } from '../support/fake-openai';
import { LEARNING_TEXTS } from './support/learned-profile';
import { startPageServer, type PageServer } from './support/page-server';
import { profileReplyFor } from './support/scripted-profile';
import { byRole, launchWithoutWorkerDebugger, type UndebuggedBrowser, typeInto, waitForOutcome, waitForStatus, waitForText } from './support/undebugged-browser';

/**
 * A local model on a laptop can take two minutes to say its first word. Chrome stops an idle MV3
 * worker after about 30 s, so each scenario runs in a browser whose worker has no debugger
 * attached (one that has is never stopped), and in a browser of its own, so that one scenario's
 * model call cannot keep another's worker alive. The three run at the same time.
 */
const FIRST_TOKEN_MS = 110_000;
const MID_STREAM_PAUSE_MS = 60_000;
const SCENARIO_MS = FIRST_TOKEN_MS + MID_STREAM_PAUSE_MS + 90_000;
const API_KEY = 'sk-slow-model';

interface Scenario {
  browser: UndebuggedBrowser;
  llm: FakeOpenAI;
  options: Page;
}

const opened: Array<{ close(): Promise<void> }> = [];

async function openScenario(): Promise<Scenario> {
  const llm = await startFakeOpenAI({ apiKey: API_KEY });
  opened.push(llm);
  const browser = await launchWithoutWorkerDebugger();
  opened.push(browser);
  const options = await browser.openExtensionPage('options.html');
  await (await byRole(options, 'combobox', 'Provider').waitHandle()).select('custom');
  await byRole(options, 'textbox', 'Base URL').fill(llm.baseURL);
  await byRole(options, 'combobox', 'Model').fill('fake-model');
  await options.locator('::-p-aria(API key)').fill(API_KEY);
  await byRole(options, 'button', 'Save').click();
  await waitForStatus(options, /^Saved\.$/, 10_000);
  return { browser, llm, options };
}

/** Four texts sent on an allowed page, as a person sends them; learning starts after the fourth. */
async function sendFourTexts(scenario: Scenario, pages: PageServer): Promise<void> {
  await byRole(scenario.options, 'textbox', 'Site to allow').fill('127.0.0.1');
  await byRole(scenario.options, 'button', 'Allow site').click();
  await byRole(scenario.options, 'button', 'Remove 127.0.0.1').wait();
  const compose = await scenario.browser.browser.newPage();
  await compose.goto(pages.url('compose.html'));
  for (const text of LEARNING_TEXTS) {
    await typeInto(compose, 'textbox', 'Message', text);
    await byRole(compose, 'button', 'Send').click();
    await compose.waitForFunction((sent) => document.getElementById('sent')?.textContent?.includes(sent), {}, text);
  }
  await compose.close();
}

/** The popup shows the learned profile (its first version, under the voice), or why learning failed. */
async function learnedProfileOutcome(scenario: Scenario, timeoutMs: number) {
  const popup = await scenario.browser.openExtensionPage('popup.html');
  const outcome = await waitForOutcome(popup, /profile version 1\b/, timeoutMs);
  await popup.close();
  return outcome;
}

describe('a slow local model, with no debugger keeping the worker alive', () => {
  let pages: PageServer;

  afterAll(async () => {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    await pages?.close();
  });

  it(
    'Test connection, learning and a streamed rewrite each outlast a first token at 110 s, and the rewrite a 60 s pause mid-stream',
    async () => {
      pages = await startPageServer();
      const [connection, learning, rewriting] = await Promise.all([openScenario(), openScenario(), openScenario()]);

      const testConnection = (async () => {
        connection.llm.script({ paced: [{ afterMs: FIRST_TOKEN_MS, content: 'ready' }] });
        await byRole(connection.options, 'button', 'Test connection').click();
        expect(await waitForOutcome(connection.options, /Connected\. “fake-model” answered in 1\d\d\.\d s/, SCENARIO_MS)).toEqual({ ok: true });
      })();

      const learn = (async () => {
        learning.llm.script({ delayMs: FIRST_TOKEN_MS, then: profileReplyFor });
        await sendFourTexts(learning, pages);
        expect(await learnedProfileOutcome(learning, SCENARIO_MS)).toEqual({ ok: true });
      })();

      const rewrite = (async () => {
        rewriting.llm.script(profileReplyFor);
        await sendFourTexts(rewriting, pages);
        expect(await learnedProfileOutcome(rewriting, 60_000)).toEqual({ ok: true });
        rewriting.llm.script({
          paced: [
            { afterMs: FIRST_TOKEN_MS, content: 'Hi team, the build is green' },
            { afterMs: MID_STREAM_PAUSE_MS, content: ' and ready for review.' },
          ],
        });
        const popup = await rewriting.browser.openExtensionPage('popup.html');
        await typeInto(popup, 'textbox', 'Draft', 'hello team build is green now ready for review');
        await byRole(popup, 'button', 'Rewrite').click();
        expect(await waitForOutcome(popup, /All names, numbers, dates and links of the draft are in the rewrite/, SCENARIO_MS)).toEqual({ ok: true });
        expect(await waitForText(popup, 'textbox', 'Rewritten draft', /./, 1000)).toBe('Hi team, the build is green and ready for review.');
      })();

      await Promise.all([testConnection, learn, rewrite]);
      expect(learning.llm.chatRequests).toHaveLength(1);
    },
    SCENARIO_MS + 120_000,
  );
});
