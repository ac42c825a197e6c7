import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOpenAI } from '../support/fake-openai';
import type { ExtensionBrowser } from './support/extension-browser';
import { launchWithLearnedProfile, type LearnedProfileSetup } from './support/learned-profile';

/** The README's screenshots are these, taken from the built extension on every e2e run. */
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
const API_KEY = 'sk-look';
const DRAFT =
  'Dear colleagues, I would like to inform you that the quarterly review has been moved to 10 June at 9:30. Please let me know if this is a problem.';
const REWRITE = 'Hi all, heads up: the quarterly review moved to 10 June, 9:30. Shout if that clashes and we will find another slot.';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it stands (the page's CSP does not apply to evaluate). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(await AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } };
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('how Idiolect looks, light and dark, and what a screen reader finds there', () => {
  let setup: LearnedProfileSetup;
  let llm: FakeOpenAI;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    setup = await launchWithLearnedProfile(API_KEY);
    ({ llm, browser, options } = setup);
  });

  afterAll(() => setup?.close());

  it.each(SCHEMES)('the options page (%s) has no serious accessibility violations', async (scheme) => {
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#profile`);
    await options.getByRole('heading', { name: 'Profile', exact: true, level: 2 }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: `${SCREENSHOTS}options-profile-${scheme}.png` });
    for (const section of ['samples', 'sites', 'model', 'your-data'] as const) {
      await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: sectionTitle(section) }).click();
      await expect.poll(() => options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: sectionTitle(section) }).getAttribute('aria-current')).toBe('location');
      await options.screenshot({ path: `${SCREENSHOTS}options-${section}-${scheme}.png` });
    }
  });

  it.each(SCHEMES)('the popup (%s) at 400×600, before and after a rewrite, has no serious accessibility violations', async (scheme) => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    const draft = popup.getByRole('textbox', { name: 'Draft', exact: true });
    await draft.waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    llm.script({ content: REWRITE });
    await draft.fill(DRAFT);
    await popup.getByRole('button', { name: 'Rewrite' }).click();
    await popup.getByLabel(/^Rewritten draft sounds like you/).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.screenshot({ path: `${SCREENSHOTS}popup-${scheme}.png` });
    await popup.close();
  });
});

function sectionTitle(section: 'samples' | 'sites' | 'model' | 'your-data'): string {
  return { samples: 'Samples', sites: 'Sites', model: 'Model', 'your-data': 'Your data' }[section];
}
