/**
 * Bench section: the main-thread work the harvesting script adds to each keystroke in a field it
 * watches. In Debian's Chromium, on the bench page, a listener on `window` (capture, runs first)
 * and one on the field itself (runs last) time each trusted keydown and input event of real
 * typing; the same typing without the script gives the baseline. The difference is Idiolect's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { INJECT_AND_TIME, pageOf } from './content-script';
import type { BenchSection } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONTENT_SCRIPT = `${ROOT}.output/chrome-mv3/content-scripts/content.js`;
const CHROMIUM = process.env.IDIOLECT_CHROMIUM ?? '/usr/bin/chromium';
const KEYSTROKES = 400;

const TIME_EVENTS = `() => {
  const field = document.getElementById('body');
  const started = new Map();
  const spent = [];
  for (const type of ['keydown', 'input']) {
    window.addEventListener(type, (event) => { if (event.isTrusted) started.set(event, performance.now()); }, true);
    field.addEventListener(type, (event) => { const at = started.get(event); if (at !== undefined) spent.push(performance.now() - at); });
  }
  window.idiolectSpent = spent;
}`;

async function perKeystroke(page: Page, withScript: boolean, code: string): Promise<number> {
  await page.setContent(pageOf(10_000));
  if (withScript) await page.evaluate(`(${INJECT_AND_TIME})(${JSON.stringify(code)})`);
  await page.evaluate(`(${TIME_EVENTS})()`);
  await page.fill('#body', '');
  await page.focus('#body');
  await page.keyboard.type('the quick brown fox jumps over the lazy dog '.repeat(Math.ceil(KEYSTROKES / 44)).slice(0, KEYSTROKES));
  const spent = (await page.evaluate('window.idiolectSpent')) as number[];
  // performance.now() is coarsened to 0.1 ms in pages, so a median of single events reads 0: the mean
  // over hundreds of events is the honest figure. A keystroke is a keydown and an input event.
  return (spent.reduce((sum, ms) => sum + ms, 0) / spent.length) * 2;
}

export const section: BenchSection = {
  name: 'keystroke',
  title: 'Main-thread work per keystroke in a watched field',
  async run() {
    if (!existsSync(CONTENT_SCRIPT)) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const code = readFileSync(CONTENT_SCRIPT, 'utf8');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const rounds: Array<{ with: number; without: number }> = [];
      for (let round = 0; round < 3; round++) rounds.push({ without: await perKeystroke(page, false, code), with: await perKeystroke(page, true, code) });
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
      const withScript = median(rounds.map((round) => round.with));
      const without = median(rounds.map((round) => round.without));
      const added = Math.max(0, Math.round((withScript - without) * 1000) / 1000);
      return [
        { measure: 'per keystroke, with the harvesting script', value: `${withScript.toFixed(3)} ms`, note: `mean over ${KEYSTROKES} keystrokes, median of 3 rounds, page of 10,000 elements` },
        { measure: 'per keystroke, without it', value: `${without.toFixed(3)} ms` },
        { measure: 'added by Idiolect per keystroke', value: `${added} ms`, metric: { name: 'keystroke_work_ms', value: added } },
      ];
    } finally {
      await browser.close();
    }
  },
};
