import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { ENGINE_TEXTS, importTexts } from './support/engine-helpers';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';

/** Ollama's own port: the guided start looks for it there, as it would on a person's computer. */
const OLLAMA_DEFAULT_PORT = 11434;

describe('the guided start, from a fresh install to the first samples', () => {
  let browser: ExtensionBrowser;
  let ollama: FakeOpenAI;
  let options: Page;

  beforeAll(async () => {
    ollama = await startFakeOpenAI({ dialect: 'ollama', port: OLLAMA_DEFAULT_PORT, models: ['llama3.1', 'qwen2.5'] });
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await ollama?.close();
  });

  it('says in the popup that no model is set up, with a link straight to the Model section', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const guide = popup.getByRole('region', { name: 'Get started' });
    await guide.getByText('First samples: 0 of 4').waitFor();
    expect(await guide.getByRole('link', { name: 'Set up a model' }).getAttribute('href')).toBe('/options.html#model');
    await popup.close();

    options = await browser.openExtensionPage('options.html');
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#model`);
    const sections = options.getByRole('navigation', { name: 'Sections' });
    await expect.poll(() => sections.getByRole('link', { name: 'Model' }).getAttribute('aria-current')).toBe('location');
    const heading = await options.getByRole('heading', { name: 'Model', exact: true, level: 2 }).boundingBox();
    expect(heading!.y).toBeLessThan(100);
  });

  it('finds Ollama on its port, sets it up with the model picked, and counts the step done once it answered', async () => {
    const guide = options.getByRole('region', { name: 'Get started' });
    await guide.getByText('Ollama is running at localhost:11434.').waitFor();
    await guide.getByRole('combobox', { name: 'Model' }).selectOption('qwen2.5:latest');
    ollama.script({ content: 'ready' });
    await guide.getByRole('button', { name: 'Use Ollama' }).click();
    const step = guide.getByRole('listitem').filter({ hasText: 'Choose a model and test it' });
    await step.getByText('Done').waitFor();
    await step.getByText('Using Ollama: qwen2.5:latest').waitFor();
    expect(ollama.chatRequests.at(-1)!.chat.model).toBe('qwen2.5:latest');

    const form = options.getByRole('form', { name: 'Model endpoint' });
    await options.reload();
    expect(await form.getByRole('combobox', { name: 'Provider' }).inputValue()).toBe('ollama');
    expect(await form.getByRole('combobox', { name: 'Model' }).inputValue()).toBe('qwen2.5:latest');
  });

  it('counts an allowed site and the first samples n of 4, then steps aside', async () => {
    const guide = options.getByRole('region', { name: 'Get started' });
    await options.getByRole('textbox', { name: 'Site to allow' }).fill('127.0.0.1');
    await options.getByRole('button', { name: 'Allow site' }).click();
    await guide.getByRole('listitem').filter({ hasText: 'Allow a site' }).getByText('Done').waitFor();

    await importTexts(options, ENGINE_TEXTS.slice(0, 3));
    await guide.getByText('First samples: 3 of 4').waitFor();
    await importTexts(options, ENGINE_TEXTS.slice(3));
    await guide.waitFor({ state: 'detached' });
    expect(await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Get started' }).count()).toBe(0);
  });
});
