import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { FakeOpenAI } from '../../support/fake-openai';

/** Long enough for the importer's judgement (it skips short texts). */
export const ENGINE_TEXTS = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client today? I will send the new build notes tomorrow morning. - J',
  'Morning all, quick one: the staging server restarts at 6pm tonight, so save your work before then. It should be back within twenty minutes, and I will post here when it is. - J',
  'Thanks Ben, short answer is yes, we can take the extra ticket if design signs off by Friday. Longer answer: it pushes the search work into the next sprint, which I think is fine. - J',
  'Hey Sam, I pushed the fix for the login loop, could you check it on your phone before lunch? It only showed up on older Android versions, so the emulator did not catch it. - J',
];

/** Points Idiolect at the fake server from the options page, as a person would. */
export async function configureEndpoint(options: Page, llm: FakeOpenAI, apiKey: string): Promise<void> {
  const form = options.getByRole('form', { name: 'Model endpoint' });
  await form.getByRole('combobox', { name: 'Provider' }).selectOption('custom');
  await form.getByRole('textbox', { name: 'Base URL' }).fill(llm.baseURL);
  await form.getByRole('combobox', { name: 'Model' }).fill('fake-model');
  await form.getByLabel('API key').fill(apiKey);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').getByText('Saved.').waitFor();
}

/** Pastes texts one by one into "Import your writing"; each one asks the background to learn. */
export async function importTexts(options: Page, texts: readonly string[]): Promise<void> {
  const panel = options.getByRole('region', { name: 'Import your writing' });
  for (const text of texts) {
    await panel.getByRole('textbox', { name: 'Text you wrote' }).fill(text);
    await panel.getByRole('button', { name: 'Add as sample' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Added 1 sample\./);
    await expect.poll(() => panel.getByRole('textbox', { name: 'Text you wrote' }).inputValue()).toBe('');
  }
}

/** Every record of one object store of the extension's database, read from an extension page. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('idiolect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}
