import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { launchFirefoxWithExtension, readStoredSetting, type FirefoxWithExtension } from './support/firefox-browser';
import type { FirefoxTab, Locator } from './support/firefox-tab';

const API_KEY = 'sk-firefox-connection';

describe('Firefox: the model settings, Test connection and allowing a site, in the built extension', () => {
  let llm: FakeOpenAI;
  let firefox: FirefoxWithExtension;
  let options: FirefoxTab;
  let form: Locator;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY, strictModels: true });
    firefox = await launchFirefoxWithExtension();
    options = await firefox.openExtensionPage('options.html');
    form = options.getByRole('form', 'Model endpoint');
  });

  afterAll(async () => {
    await firefox?.close();
    await llm?.close();
  });

  /** Presses "Test connection" and waits for the answer it expects (a stale message never matches the next one). */
  async function testConnectionSays(expected: RegExp): Promise<void> {
    await form.getByRole('button', 'Test connection').click();
    await form.locator('[role=status], [role=alert]').waitForText(expected);
  }

  it('says the on-device model is not available in this browser, and keeps OpenAI as the default', async () => {
    const provider = form.getByRole('combobox', 'Provider');
    await provider.waitFor();
    expect(await provider.inputValue()).toBe('openai');
    const onDevice = form.getByRole('option', /^Built into this browser.*\(not available in this browser\)$/);
    expect(await onDevice.isDisabled()).toBe(true);
  });

  it('Test connection answers in words: a wrong key, an unknown model, Ollama’s 403 naming moz-extension, then success', async () => {
    await form.getByRole('combobox', 'Provider').selectOption('custom');
    await form.getByRole('textbox', 'Base URL').fill(llm.baseURL);
    await form.getByRole('combobox', 'Model').fill('fake-model');
    await form.getByLabel('API key').fill('sk-wrong');
    await testConnectionSays(/refused the API key \(401\)\. Check the key/);

    await form.getByLabel('API key').fill(API_KEY);
    await form.getByRole('combobox', 'Model').fill('llama3.1');
    await testConnectionSays(/has no model named “llama3\.1”\. It offers: fake-model, fake-model-large\./);

    await form.getByRole('combobox', 'Provider').selectOption('ollama');
    await form.getByRole('textbox', 'Base URL').fill(llm.baseURL);
    await form.getByRole('combobox', 'Model').fill('fake-model');
    llm.script({ error: { status: 403, body: '' } });
    await testConnectionSays(/^Ollama refused the request \(403\)/);
    // The advice names Firefox's own origin for the extension, not Chrome's.
    expect(await form.locator('[role=alert]').textContent()).toContain(`OLLAMA_ORIGINS=${firefox.extensionOrigin}`);

    llm.script({ content: 'ready' });
    await testConnectionSays(/^Connected\. “fake-model” answered in [\d.]+ s \(“ready”\)\. The server offers 2 models\. These settings are not saved yet: press Save to use them\.$/);
  });

  it('saves the endpoint and the key, which the background then uses', async () => {
    await form.getByRole('combobox', 'Provider').selectOption('custom');
    await form.getByRole('textbox', 'Base URL').fill(llm.baseURL);
    await form.getByRole('combobox', 'Model').fill('fake-model');
    await form.getByLabel('API key').fill(API_KEY);
    await form.getByRole('button', 'Save').click();
    await form.getByRole('status').waitForText('Saved.');
    await options.reload();
    expect(await options.getByRole('combobox', 'Provider').inputValue()).toBe('custom');
    expect(await options.getByRole('textbox', 'Base URL').inputValue()).toBe(llm.baseURL);
  });

  it('allows the loopback site at once: Firefox grants what the manifest pre-grants without a prompt', async () => {
    await options.getByRole('textbox', 'Site to allow').fill('127.0.0.1');
    await options.getByRole('button', 'Allow site').click();
    await options.getByRole('list', 'Allowed sites').waitForText('127.0.0.1');
    expect(await readStoredSetting(options, 'allowedSites')).toEqual(['127.0.0.1']);
  });
});
