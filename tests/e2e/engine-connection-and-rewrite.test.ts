import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { configureEndpoint, ENGINE_TEXTS, importTexts } from './support/engine-helpers';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-test-connection';

describe('the model connection and the rewrite, in the built extension', () => {
  let llm: FakeOpenAI;
  let browser: ExtensionBrowser;
  let options: Page;
  let form: Locator;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY, strictModels: true });
    browser = await launchWithExtension();
    options = await browser.openExtensionPage('options.html');
    form = options.getByRole('form', { name: 'Model endpoint' });
  });

  afterAll(async () => {
    await browser?.close();
    await llm?.close();
  });

  /** Presses "Test connection" and waits for the answer it expects (a stale message never matches the next one). */
  async function testConnectionSays(expected: RegExp): Promise<void> {
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(async () => (await form.locator('[role=status],[role=alert]').textContent()) ?? '').toMatch(expected);
  }

  it('offers the on-device model only where the browser has one', async () => {
    const provider = form.getByRole('combobox', { name: 'Provider' });
    await provider.waitFor();
    // Debian's Chromium has the Prompt API but no model: the choice is shown but cannot be taken, and OpenAI stays the default.
    expect(await form.getByRole('option', { name: /Built into this browser.*not available in this browser/ }).isDisabled()).toBe(true);
    expect(await provider.inputValue()).toBe('openai');
  });

  it('serves the on-device model from the offscreen document, for workers that lack the Prompt API', async () => {
    const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const answer = await worker.evaluate(async (portName) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          offscreen: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
          runtime: { connect(options: { name: string }): { postMessage(m: unknown): void; onMessage: { addListener(l: (m: unknown) => void): void } } };
        };
      };
      await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['WORKERS'], justification: 'e2e' });
      const port = chrome.runtime.connect({ name: portName });
      return new Promise<unknown>((resolve) => {
        port.onMessage.addListener(resolve);
        port.postMessage({ op: 'availability' });
      });
    }, 'idiolect-built-in-model');
    expect(answer).toEqual({ op: 'availability', value: 'unavailable' });
  });

  it('Test connection answers in words: a wrong key, an unknown model, Ollama’s 403, then success', async () => {
    await form.getByRole('combobox', { name: 'Provider' }).selectOption('custom');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(llm.baseURL);
    await form.getByRole('combobox', { name: 'Model' }).fill('fake-model');
    await form.getByLabel('API key').fill('sk-wrong');
    await testConnectionSays(/refused the API key \(401\)\. Check the key/);

    await form.getByLabel('API key').fill(API_KEY);
    await form.getByRole('combobox', { name: 'Model' }).fill('llama3.1');
    await testConnectionSays(/has no model named “llama3\.1”\. It offers: fake-model, fake-model-large\./);

    await form.getByRole('combobox', { name: 'Provider' }).selectOption('ollama');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(llm.baseURL);
    await form.getByRole('combobox', { name: 'Model' }).fill('fake-model');
    llm.script({ error: { status: 403, body: '' } });
    await testConnectionSays(new RegExp(`^Ollama refused the request \\(403\\).*OLLAMA_ORIGINS=chrome-extension://${browser.extensionId}`));

    llm.script({ content: 'ready' });
    await testConnectionSays(/^Connected\. “fake-model” answered in [\d.]+ s \(“ready”\)\. The server offers 2 models\. These settings are not saved yet: press Save to use them\.$/);
    // Nothing was saved by testing, as it said.
    await options.reload();
    expect(await options.getByRole('combobox', { name: 'Provider' }).inputValue()).not.toBe('ollama');
  });

  it('rewrites in the popup with the chosen kind and length, and flags a link the rewrite dropped', async () => {
    await configureEndpoint(options, llm, API_KEY);
    llm.reset();
    llm.script(profileReplyFor);
    await importTexts(options, ENGINE_TEXTS);
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'How you write' }).click();
    for (const statement of SCRIPTED_HYPOTHESES) await popup.getByRole('list', { name: 'How you write' }).getByText(statement).waitFor();
    await popup.keyboard.press('Escape');

    llm.script({ content: 'Hi all - review is Tuesday at 3pm, room 204. - J' });
    await popup
      .getByRole('textbox', { name: 'Draft', exact: true })
      .fill('Dear all, the quarterly review is on Tuesday at 3pm in room 204. The agenda is at https://intranet.example.com/q2.');
    await popup.getByRole('combobox', { name: 'Kind of text' }).selectOption('post');
    await popup.getByRole('combobox', { name: 'Length' }).selectOption('shorter');
    await popup.getByRole('button', { name: 'Rewrite' }).click();

    const check = popup.getByRole('alert', { name: 'Fact check' });
    await check.waitFor();
    expect(await check.textContent()).toBe('Check before sending. Missing from the rewrite: https://intranet.example.com/q2 (link).');
    expect(await popup.getByRole('textbox', { name: 'Rewritten draft' }).inputValue()).toBe('Hi all - review is Tuesday at 3pm, room 204. - J');
    const rewrite = llm.chatRequests.at(-1)!;
    expect(rewrite.chat.stream).toBe(true);
    expect(rewrite.chat.systemPrompt).toMatch(/is a post for a blog, forum or social network\. Make it clearly shorter/);
    for (const statement of SCRIPTED_HYPOTHESES) expect(rewrite.chat.systemPrompt).toContain(statement);
  });
});
