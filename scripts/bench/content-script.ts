/**
 * Bench section: the harvesting content script's size and how long it takes to attach.
 *
 * - size: the built `.output/chrome-mv3/content-scripts/content.js`, raw and gzip (level 9); the
 *   in-page rewrite card is loaded only on first use, and the bench fails if its code is in there.
 * - attach: in Debian's Chromium, on a generated page of 10,000 elements (and, for comparison, an
 *   almost empty one), the time from inserting the built script to its send watchers being in
 *   place, median of several fresh page loads. The script runs in the page with a stub of the
 *   `chrome.runtime` calls it makes; every run then checks that the watchers really are attached
 *   (typing and pressing Send reaches the stub's `sendMessage`).
 *
 * Run it alone with `npm run bench -- content-script` (builds first if there is no build).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { BenchSection } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONTENT_SCRIPT = `${ROOT}.output/chrome-mv3/content-scripts/content.js`;
const CHROMIUM = process.env.IDIOLECT_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 9;
/** A label only the rewrite card shows (lib/rewrite-card/rewrite-card.ts). */
const REWRITE_CARD_MARK = 'Show changes';

export interface ContentScriptBench {
  rawBytes: number;
  gzipBytes: number;
  /** Median milliseconds from inserting the script to its watchers being attached, per page size. */
  attachMs: { elements: number; median: number; min: number; max: number; runs: number }[];
}

export async function benchContentScript(): Promise<ContentScriptBench> {
  if (!existsSync(CONTENT_SCRIPT)) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const code = readFileSync(CONTENT_SCRIPT);
  // The in-page rewrite card is injected on first use; the size measured here must not include it.
  if (code.includes(REWRITE_CARD_MARK)) throw new Error('The rewrite card’s code is in the content script’s first load.');
  const attachMs = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const elements of [10_000, 100]) {
      const page = await browser.newPage();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await page.setContent(pageOf(elements));
        const measured = await page.evaluate(`(${INJECT_AND_TIME})(${JSON.stringify(code.toString('utf8'))})`);
        const { attached, elements: onPage } = measured as { attached: number; elements: number };
        if (Math.abs(onPage - elements) > 10) throw new Error(`The generated page has ${onPage} elements, not ${elements}.`);
        times.push(attached);
      }
      await page.close();
      times.sort((a, b) => a - b);
      attachMs.push({ elements, median: round(times[Math.floor(times.length / 2)]!), min: round(times[0]!), max: round(times.at(-1)!), runs: RUNS });
    }
  } finally {
    await browser.close();
  }
  return { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, attachMs };
}

/** A page of `count` elements: a thread of comments with links and buttons, and one reply form. */
export function pageOf(count: number): string {
  const parts: string[] = [];
  // Each comment is 5 elements: article, p, a, span, button.
  for (let index = 0; parts.length * 5 < count - 10; index++) {
    parts.push(`<article><p>Comment ${index} by someone else, with some words in it.</p><a href="#c${index}">link</a><span>${index} points</span><button type="button">Reply</button></article>`);
  }
  return `<!doctype html><html><head><title>bench</title></head><body><main>${parts.join('')}</main>
    <form id="reply" onsubmit="event.preventDefault()"><textarea id="body" aria-label="Reply"></textarea><button type="submit" id="send">Send</button></form></body></html>`;
}

/**
 * Runs in the page: inserts the built script with a stub runtime, times it, proves the watchers
 * work. Kept as plain JavaScript source: tsx's name-keeping helpers do not exist in the page.
 */
export const INJECT_AND_TIME = `async (code) => {
  const sent = [];
  const listeners = { addListener() {}, removeListener() {}, hasListener() { return false; } };
  window.chrome = { runtime: {
    id: 'idiolect-bench',
    onMessage: listeners,
    getURL(path) { return path; },
    sendMessage(message, callback) {
      sent.push(message);
      const reply = { res: { reviewBeforeSaving: false, status: 'stored' } };
      if (callback) setTimeout(() => callback(reply));
      return Promise.resolve(reply);
    },
  } };
  const script = document.createElement('script');
  script.textContent = code;
  const start = performance.now();
  document.head.append(script); // inline scripts run synchronously on insertion
  const attached = performance.now() - start;

  const body = document.getElementById('body');
  body.value = 'A reply long enough to be worth keeping, typed into the one form on this page.';
  body.dispatchEvent(new InputEvent('input', { bubbles: true }));
  document.getElementById('send').click();
  for (let tick = 0; tick < 50 && sent.length === 0; tick++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (sent.length === 0) throw new Error('The content script did not react to a send: its watchers are not attached.');
  return { attached, elements: document.getElementsByTagName('*').length };
}`;

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export const section: BenchSection = {
  name: 'content-script',
  title: 'Harvesting content script: size and time to attach',
  async run() {
    const result = await benchContentScript();
    return [
      { measure: 'size, raw', value: kib(result.rawBytes) },
      { measure: 'size, gzip', value: kib(result.gzipBytes), note: `${result.gzipBytes} bytes, level 9`, metric: { name: 'content_script_gzip_bytes', value: result.gzipBytes } },
      ...result.attachMs.map(({ elements, median, min, max, runs }) => ({
        measure: `attach, page of ${elements.toLocaleString('en-US')} elements`,
        value: `${median} ms`,
        note: `median of ${runs}; min ${min}, max ${max}`,
        ...(elements === 10_000 ? { metric: { name: 'content_attach_ms', value: median } } : {}),
      })),
    ];
  },
};
