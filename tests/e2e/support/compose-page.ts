import type { Page } from 'playwright-core';

/** Types into the test compose page's "Message" box and presses its Send button. */
export async function sendMessageOnPage(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('list', { name: 'Sent' }).getByText(text).waitFor();
}
