import type { FakeOpenAI } from '../../support/fake-openai';
import { LEARNING_TEXTS } from '../../e2e/support/learned-profile';
import type { PageServer } from '../../e2e/support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from '../../e2e/support/scripted-profile';
import type { FirefoxWithExtension } from './firefox-browser';
import type { FirefoxTab } from './firefox-tab';

/** Allows collection on `host` the way a person does: options page, type the site, "Allow site". */
export async function allowSiteFromOptions(firefox: FirefoxWithExtension, host: string): Promise<FirefoxTab> {
  const options = await firefox.openExtensionPage('options.html');
  await options.getByRole('textbox', 'Site to allow').fill(host);
  await options.getByRole('button', 'Allow site').click();
  await options.getByRole('list', 'Allowed sites').waitForText(host);
  return options;
}

/** Points Idiolect at an OpenAI-compatible endpoint from the options page, as a person would. */
export async function configureEndpointFromOptions(options: FirefoxTab, endpoint: { baseURL: string; model: string; apiKey: string }): Promise<void> {
  const form = options.getByRole('form', 'Model endpoint');
  await form.getByRole('combobox', 'Provider').selectOption('custom');
  await form.getByRole('textbox', 'Base URL').fill(endpoint.baseURL);
  await form.getByRole('combobox', 'Model').fill(endpoint.model);
  await form.getByLabel('API key').fill(endpoint.apiKey);
  await form.getByRole('button', 'Save').click();
  await form.getByRole('status').waitForText('Saved.');
}

/** Types into the test compose page's "Message" box (real key presses) and presses its Send button. */
export async function sendMessageOnPage(page: FirefoxTab, text: string): Promise<void> {
  await page.getByRole('textbox', 'Message').fill(text);
  await page.getByRole('button', 'Send').click();
  await page.getByRole('list', 'Sent').waitForText(text);
}

/**
 * Gets the extension to the point where it knows the user's voice, the way a user does: site and
 * endpoint set in the options, four texts sent on the page, the profile shown once learned.
 * Returns the options page, left open.
 */
export async function learnProfileFromSentTexts(firefox: FirefoxWithExtension, pages: PageServer, llm: FakeOpenAI, apiKey: string): Promise<FirefoxTab> {
  llm.script(profileReplyFor);
  const options = await allowSiteFromOptions(firefox, '127.0.0.1');
  await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey });
  const compose = await firefox.openPage(pages.url('compose.html'));
  for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
  await compose.close();
  await options.getByRole('list', `Evidence for “${SCRIPTED_HYPOTHESES[0]}”`).waitFor(30_000);
  return options;
}
