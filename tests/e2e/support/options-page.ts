import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** Allows collection on `host` the way a person does: options page, type the site, "Allow site". */
export async function allowSiteFromOptions(browser: ExtensionBrowser, host: string): Promise<Page> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Site to allow' }).fill(host);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await options.getByRole('list', { name: 'Allowed sites' }).getByText(host).waitFor();
  return options;
}
