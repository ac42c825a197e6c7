import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** Allows collection on `host` the way a person does: options page, type the site, "Allow site". */
export async function allowSiteFromOptions(browser: ExtensionBrowser, host: string): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Site to allow' }).fill(host);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await options.getByRole('list', { name: 'Allowed sites' }).getByRole('button', { name: `Remove ${host}` }).waitFor();
  return options;
}

/** Points Idiolect at an OpenAI-compatible endpoint from the options page, as a person would. */
export async function configureEndpointFromOptions(options: Page, endpoint: { baseURL: string; model: string; apiKey: string }) {
  await options.getByRole('combobox', { name: 'Provider' }).selectOption('custom');
  await options.getByRole('textbox', { name: 'Base URL' }).fill(endpoint.baseURL);
  await options.getByRole('combobox', { name: 'Model' }).fill(endpoint.model);
  await options.getByLabel('API key').fill(endpoint.apiKey);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('status').getByText('Saved.').waitFor();
}
