/**
 * Regenerates the README's screenshots from the built extension (`npm run build` first), driven
 * the way the end-to-end tests drive it, against the local stand-in model:
 *
 *   npx tsx scripts/screenshots.ts
 */
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI } from '../tests/support/fake-openai';
import { launchWithExtension } from '../tests/e2e/support/extension-browser';
import { learnProfileFromSentTexts } from '../tests/e2e/support/learned-profile';
import { startPageServer } from '../tests/e2e/support/page-server';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const DRAFT =
  'Dear colleagues, I would like to inform you that the quarterly review has been moved to 10 June at 9:30. Please let me know if this is a problem.';
const REWRITE =
  'Hi all, heads up: the quarterly review moved to 10 June, 9:30. Shout if that clashes with anything and we will find another slot. - J';

const llm = await startFakeOpenAI({ apiKey: 'sk-screenshots' });
const pages = await startPageServer();
const browser = await launchWithExtension();
try {
  const options = await learnProfileFromSentTexts(browser, pages, llm, 'sk-screenshots');
  await options.setViewportSize({ width: 900, height: 1400 });
  await options.screenshot({ path: `${DOCS}options.png`, fullPage: false });

  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 412, height: 860 });
  llm.script({ content: REWRITE });
  await popup.getByRole('textbox', { name: 'Draft', exact: true }).fill(DRAFT);
  await popup.getByRole('button', { name: 'Rewrite' }).click();
  await popup.getByLabel(/^Rewritten draft sounds like you/).waitFor();
  await popup.screenshot({ path: `${DOCS}popup.png`, fullPage: true });
  console.log(`Wrote ${DOCS}popup.png and ${DOCS}options.png`);
} finally {
  await browser.close();
  await pages.close();
  await llm.close();
}
