import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { configureEndpoint, ENGINE_TEXTS as TEXTS, importTexts, readStore } from './support/engine-helpers';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-test-engine';

function alarmNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { getAll(): Promise<Array<{ name: string }>> } } };
    return (await chrome.alarms.getAll()).map((alarm) => alarm.name);
  });
}

/** Stops the extension's service worker as Chrome does when it is idle, and waits until it has stopped. */
async function stopServiceWorker(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.scriptURL.endsWith('/background.js') && version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

describe('an inference in flight outlives the MV3 service worker', () => {
  let llm: FakeOpenAI;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
    await configureEndpoint(options, llm, API_KEY);
  });

  afterAll(async () => {
    await browser?.close();
    await llm?.close();
  });

  it('is resumed once after the worker is stopped mid-request, and stored once', async () => {
    // The first inference request never gets an answer: the worker is stopped while it waits.
    llm.script({ hang: true }, profileReplyFor);
    await importTexts(options, TEXTS);
    const [interrupted] = await llm.waitForRequests(1, { timeoutMs: 15_000 });
    for (const text of TEXTS) expect(interrupted!.chat.userContent).toContain(text);
    expect(await readStore<{ state: string; attempts: number }>(options, 'jobs')).toMatchObject([{ state: 'running', attempts: 1 }]);

    // While the job is unfinished, an alarm stands ready to wake a stopped worker.
    expect(await alarmNames(options)).toContain('idiolect-resume-jobs');

    const cdp = await browser.context.newCDPSession(options);
    await stopServiceWorker(cdp);
    expect(await readStore(options, 'hypothesisSets')).toEqual([]);

    // Any event starts the worker again (here the settings page asking for the settings; otherwise
    // the wake-up alarm); on start it finds the unfinished job and resumes it.
    await options.reload();
    const [, resumed] = await llm.waitForRequests(2, { timeoutMs: 15_000 });
    expect(resumed!.chat.systemPrompt).toBe(interrupted!.chat.systemPrompt);
    expect(resumed!.chat.userContent).toBe(interrupted!.chat.userContent);

    await expect
      .poll(() => readStore<{ state: string; attempts: number }>(options, 'jobs'), { timeout: 15_000 })
      .toMatchObject([{ state: 'done', attempts: 2 }]);
    await expect.poll(() => alarmNames(options)).not.toContain('idiolect-resume-jobs');
    const sets = await readStore<{ version: number; hypotheses: Array<{ statement: string }> }>(options, 'hypothesisSets');
    expect(sets).toHaveLength(1);
    expect(sets[0]!.hypotheses.map((hypothesis) => hypothesis.statement)).toEqual(SCRIPTED_HYPOTHESES);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'How you write' }).click();
    const shown = popup.getByRole('list', { name: 'How you write' });
    for (const statement of SCRIPTED_HYPOTHESES) await shown.getByText(statement).waitFor();
    // Nothing is left to resume, so no third request can follow.
    expect(llm.chatRequests).toHaveLength(2);
  });
});
