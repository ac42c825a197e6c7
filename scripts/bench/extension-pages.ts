/**
 * Bench section: what a person waits on in the built extension, in Debian's Chromium.
 *
 * - popup: open to its first meaningful render (the `idiolect:popup-ready` mark), against an
 *   empty extension page and two floors (the first screen's reads alone, React alone) in the same
 *   run, with no debugger attached (pages-without-debugger.ts), and the JavaScript it loads before
 *   that render (its scripts and their static imports);
 * - options page with 10,000 samples: open to the samples shown (`idiolect:samples-shown`), and
 *   the main-thread time of keeping one sample out of learning (its main thread's tasks in a trace, from selecting
 *   its row and clicking "Keep out of learning" to the kept-out count updated);
 * - the first token of a rewrite, shown in the popup, minus the same token straight from the
 *   endpoint (the local stand-in with a fixed delay);
 * - the worker's JS heap after learning with 10,000 samples stored.
 * Stored data is seeded straight into the extension's IndexedDB from its own page, as a restore would.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { withKeptOutIndex } from '../../lib/db/kept-out-index';
import { syntheticSample } from './hyperalign-tokens';
import { FLOOR_PAGES, timePagesWithoutDebugger } from './pages-without-debugger';
import type { BenchRow, BenchSection } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.IDIOLECT_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 9;
const FIRST_TOKEN_DELAY_MS = 200;
/** How long the options page is left to finish starting up before a click is measured. */
const SETTLE_MS = 3_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

/** The built extension plus one empty page, so both are measured in the same browser. */
function buildWithBlankPage(): string {
  if (!existsSync(path.join(BUILD, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const copy = mkdtempSync(path.join(tmpdir(), 'idiolect-bench-ext-'));
  cpSync(BUILD, copy, { recursive: true });
  writeFileSync(path.join(copy, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  return copy;
}

/** Bytes of the popup's scripts and everything they import statically, before any dynamic import. */
export function scriptBytesBeforeRender(buildDir: string, html: string): number {
  const page = readFileSync(path.join(buildDir, html), 'utf8');
  const pending = [...page.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(([, file]) => file!);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = path.normalize(pending.pop()!);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(buildDir, file), 'utf8');
    for (const [, imported] of code.matchAll(/(?:import|export)[^"'`;()]*?from\s*["']([^"']+\.js)["']|import\s*["']([^"']+\.js)["']/g)) {
      if (imported) pending.push(path.join(path.dirname(file), imported));
    }
  }
  return [...seen].reduce((sum, file) => sum + statSync(path.join(buildDir, file)).size, 0);
}

async function launch(extension: string): Promise<{ browser: Browser; id: string }> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    protocolTimeout: 120_000,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const worker = await browser.waitForTarget((target) => target.type() === 'service_worker', { timeout: 15_000 });
  return { browser, id: new URL(worker.url()).host };
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

async function markTime(page: Page, mark: string): Promise<number> {
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, { timeout: 60_000 }, mark);
  return (await handle.jsonValue()) as number;
}

/** Writes records straight into one store of the extension's database, from its own page. */
async function putRecords(page: Page, store: string, records: readonly unknown[]): Promise<void> {
  await page.evaluate(
    (storeName, rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('idiolect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(storeName, 'readwrite');
          for (const row of rows) transaction.objectStore(storeName).put(row);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    store,
    records as unknown[],
  );
}

/** A profile of the person's, made active, as the background makes one for the first sample; and the model it uses. */
function seedRecords(baseURL: string) {
  const profile = { id: 'bench-profile', name: 'My voice', createdAt: new Date().toISOString() };
  return {
    profileId: profile.id,
    records: {
      profiles: [profile],
      settings: [
        { key: 'activeProfileId', value: profile.id },
        { key: 'llm', value: { provider: 'custom', baseURL, model: 'fake-model', contextTokens: null } },
      ],
    },
  };
}

async function popupAgainstBlank(browser: Browser, id: string): Promise<{ popup: number; blank: number }> {
  const popup: number[] = [];
  const blank: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const empty = await openPage(browser, `chrome-extension://${id}/blank.html`);
    blank.push(await empty.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    await empty.close();
    const page = await openPage(browser, `chrome-extension://${id}/popup.html`);
    popup.push(await markTime(page, 'idiolect:popup-ready'));
    await page.close();
  }
  return { popup: median(popup), blank: median(blank) };
}

/**
 * Milliseconds of tasks on the page's main thread while `action` runs, from a trace. Not CDP's
 * TaskDuration: extension pages share their renderer process with the extension's service worker,
 * and that counts the worker's work too.
 */
async function mainThreadMs(page: Page, action: () => Promise<void>): Promise<number> {
  await page.tracing.start({ categories: ['__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await action();
  const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop())) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(
    trace.traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const busy = trace.traceEvents
    .filter((event) => event.ph === 'X' && event.name === 'RunTask' && mainThreads.has(`${event.pid}:${event.tid}`))
    .reduce((sum, event) => sum + (event.dur ?? 0), 0);
  if (mainThreads.size === 0 || busy === 0) throw new Error('The trace shows no task on the page’s main thread: the measurement would be meaningless.');
  return Math.round(busy / 100) / 10;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** The kept-out count in "10,000 samples (589 kept out)". */
const KEPT_OUT = String.raw`\(([\d,]+) kept out\)`;

async function optionsWithManySamples(browser: Browser, id: string): Promise<{ interactive: number; select: number; exclude: number }> {
  const interactive: number[] = [];
  const exclude: number[] = [];
  const selectTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await openPage(browser, `chrome-extension://${id}/options.html`);
    interactive.push(await markTime(page, 'idiolect:samples-shown'));
    // Keeping one sample out, as a person does it in the table: select a used sample's row, then "Keep out of learning".
    await page.waitForSelector('input[type="checkbox"][aria-label^="Select: "]', { timeout: 60_000 });
    const checkbox = (await page.evaluateHandle(() => [...document.querySelectorAll('[role="row"]')].find((row) => row.textContent?.endsWith('Used'))?.querySelector('input[type="checkbox"]'))).asElement() as ElementHandle<HTMLInputElement>;
    // Found by a DOM query, not `::-p-aria`: asking for the accessibility tree would make the renderer keep one, and its upkeep is not the page's work.
    const keepOut = (await page.evaluateHandle(() => [...document.querySelectorAll('button')].find((button) => button.textContent === 'Keep out of learning'))).asElement() as ElementHandle<HTMLButtonElement>;
    const centre = async (handle: ElementHandle) => {
      const box = (await handle.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    // Only the page's own work is counted: the clicks are plain mouse input at points found beforehand, and the
    // count's change is caught by one observer on its element, not by polling the page.
    await checkbox.scrollIntoView();
    const select = await centre(checkbox);
    // As a string: the bundler would name the function inside, and the page has no such helper.
    await page.evaluate(`{
      const count = document.querySelector('.sample-browser .meta');
      const pattern = new RegExp(${JSON.stringify(KEPT_OUT)});
      const before = pattern.exec(count.textContent ?? '')?.[1] ?? '';
      window.idiolectCountChanged = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if ((pattern.exec(count.textContent ?? '')?.[1] ?? '') === before) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
      });
      undefined;
    }`);
    // A person reads before clicking: the page's own start-up (the unlike-you scores arriving, counts settling) is not the click's work.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // Two interactions, each measured on its own (as responsiveness is): selecting the row, then keeping it out.
    selectTimes.push(
      await mainThreadMs(page, async () => {
        await page.mouse.click(select.x, select.y);
        await page.waitForFunction((button) => !button.disabled, { timeout: 30_000, polling: 'mutation' }, keepOut);
      }),
    );
    const keep = await centre(keepOut);
    exclude.push(
      await mainThreadMs(page, async () => {
        await page.mouse.click(keep.x, keep.y);
        await page.waitForFunction('window.idiolectCountChanged.then(() => true)', { timeout: 30_000 });
      }),
    );
    await page.close();
  }
  return { interactive: median(interactive), select: median(selectTimes), exclude: median(exclude) };
}

/** Milliseconds from sending a streamed request to its first content delta, straight from the endpoint. */
function directFirstToken(llm: FakeOpenAI): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const body = JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const outgoing = request(`${llm.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (/"content":"[^"]/.test(chunk)) {
          resolve(performance.now() - started);
          response.destroy();
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Milliseconds from asking for a rewrite (Ctrl+Enter in Draft) to the first streamed text shown in the popup. */
async function popupFirstToken(browser: Browser, id: string): Promise<number> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(HTMLTextAreaElement.prototype, 'value', {
      ...descriptor,
      set(value: string) {
        descriptor.set!.call(this, value);
        const field = this as HTMLTextAreaElement;
        const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`)?.textContent : null;
        if (label === 'Rewritten draft' && value !== '' && !('idiolectFirstText' in window)) Object.assign(window, { idiolectFirstText: performance.now() });
      },
    });
    // Ctrl+Enter in Draft, the keyboard's Rewrite: the moment the person asks.
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.ctrlKey && (event.target as Element | null)?.tagName === 'TEXTAREA') Object.assign(window, { idiolectClicked: performance.now() });
    }, true);
  });
  await page.goto(`chrome-extension://${id}/popup.html`);
  await markTime(page, 'idiolect:popup-ready');
  // The voice loads after the first render; until it has, Rewrite waits for it (a person sees it arrive).
  await page.waitForFunction(() => document.body.innerText.includes('profile version'), { timeout: 30_000 });
  await page.locator('::-p-aria([role="textbox"][name="Draft"])').fill('Hi all, the review moved to Thursday at 3pm, same room. Bring the numbers.');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  const handle = await page.waitForFunction(() => {
    const shown = (window as { idiolectFirstText?: number }).idiolectFirstText;
    const clicked = (window as { idiolectClicked?: number }).idiolectClicked;
    return shown !== undefined && clicked !== undefined ? shown - clicked : undefined;
  }, { timeout: 30_000, polling: 50 });
  const elapsed = (await handle.jsonValue()) as number;
  await page.close();
  return elapsed;
}

async function workerHeapMb(browser: Browser): Promise<number> {
  const target = await browser.waitForTarget((candidate) => candidate.type() === 'service_worker');
  const session = await target.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

function replyFor(chat: { systemPrompt: string; userContent: string; stream: boolean }) {
  if (chat.stream) return { paced: [{ afterMs: FIRST_TOKEN_DELAY_MS, content: 'Hi all,' }, { afterMs: 0, content: ' the review is Thursday at 3pm.' }] };
  const sampleId = /<sample id="([^"]+)"/.exec(chat.userContent)?.[1] ?? 's1';
  return {
    json: {
      hypotheses: [{ category: 'style', statement: 'Keeps updates short and puts the date first.', evidence: [{ sampleId, quote: 'Message' }], confidence: 0.7 }],
      attributes: { role: null, domain: null, audiences: [], facts: [] },
    },
  };
}

/** The built extension (plus the empty page) in Chromium, with a profile of the person's and the stand-in model set up. */
async function startSeeded() {
  const extension = buildWithBlankPage();
  const llm = await startFakeOpenAI();
  llm.setDefault((request) => replyFor(request.chat) as never);
  const { browser, id } = await launch(extension);
  // The options page creates the database; the records are then written from the empty page,
  // since a page of the product's own would react to every write.
  const options = await openPage(browser, `chrome-extension://${id}/options.html`);
  await options.waitForFunction(() => document.body.innerText.includes('Model'), { timeout: 30_000 });
  await options.close();
  const seeder = await openPage(browser, `chrome-extension://${id}/blank.html`);
  const { profileId, records } = seedRecords(llm.baseURL);
  for (const [store, rows] of Object.entries(records)) await putRecords(seeder, store, rows);
  const close = async () => {
    await browser.close();
    await llm.close();
    rmSync(extension, { recursive: true, force: true });
  };
  return { extension, llm, browser, id, seeder, profileId, records, close };
}

/** A page of the web with a draft being written in its field, as the popup finds one. */
const DRAFT = 'Thanks for the notes on the draft. I moved the budget table up and cut the second appendix; the dates stay as they were.';
const PAGE_WITH_A_DRAFT = `<!doctype html><html><head><meta charset="utf-8"><title>Reply</title></head><body><label>Reply <textarea autofocus rows="8">${DRAFT}</textarea></label></body></html>`;

/**
 * The popup's rows: its first render against the empty page, and against the floors below which no
 * first screen can go (its reads alone; React alone), all timed with no debugger attached, in
 * rounds of every page in turn; and the JavaScript it loads before that render.
 */
async function popupRows(extension: string, seed: Record<string, readonly unknown[]>): Promise<BenchRow[]> {
  const pages = [
    { name: 'blank', url: '/blank.html' },
    { name: 'popup', url: '/popup.html', mark: 'idiolect:popup-ready' },
    { name: 'popup-over-page', url: '/popup.html', mark: 'idiolect:popup-ready', over: '/draft.html', shows: DRAFT },
    ...FLOOR_PAGES,
  ];
  const times = await timePagesWithoutDebugger(extension, pages, RUNS, seed, { '/draft.html': PAGE_WITH_A_DRAFT });
  const [blank, popup, overPage, reads, react] = [times.blank!, times.popup!, times['popup-over-page']!, times['reads-floor']!, times['react-floor']!].map(median) as [number, number, number, number, number];
  const ratio = (value: number) => `ratio ${(value / blank).toFixed(2)}`;
  const jsBytes = scriptBytesBeforeRender(extension, 'popup.html');
  return [
    { measure: 'popup, open to first meaningful render', value: `${popup} ms`, note: `median of ${RUNS}, no debugger attached; ${ratio(popup)}`, metric: { name: 'popup_first_render_ms', value: popup } },
    { measure: 'empty extension page, same run', value: `${blank} ms`, note: `median of ${RUNS}, no debugger attached`, metric: { name: 'blank_page_ms', value: blank } },
    {
      measure: 'popup over a web page with a draft in its field, to the draft shown',
      value: `${overPage} ms`,
      note: `same run; ${ratio(overPage)}; the field's text is read from the page`,
      metric: { name: 'popup_over_page_ms', value: overPage },
    },
    { measure: 'floor: only the first screen’s reads (raw IndexedDB, the tab, session storage)', value: `${reads} ms`, note: `same run; ${ratio(reads)}`, metric: { name: 'popup_reads_floor_ms', value: reads } },
    { measure: 'floor: only React and ReactDOM, drawing one element', value: `${react} ms`, note: `same run; ${ratio(react)}`, metric: { name: 'popup_react_floor_ms', value: react } },
    { measure: 'JavaScript the popup loads before its first render', value: `${Math.round(jsBytes / 1024)} KiB`, note: `${jsBytes} bytes`, metric: { name: 'popup_js_bytes', value: jsBytes } },
  ];
}

export const section: BenchSection = {
  name: 'extension',
  title: 'The built extension in Chromium: popup, options with 10,000 samples, first token, worker heap',
  async run(): Promise<BenchRow[]> {
    const { extension, llm, browser, id, seeder, profileId, records, close } = await startSeeded();
    try {
      const popup = await popupRows(extension, records);

      // As the product's database layer writes them (with the kept-out index's entry), since a restore goes through it.
      const samples = Array.from({ length: 10_000 }, (_, i) => withKeptOutIndex(syntheticSample(profileId, i)));
      for (let from = 0; from < samples.length; from += 2_000) await putRecords(seeder, 'samples', samples.slice(from, from + 2_000));
      await seeder.close();
      const learnPage = await openPage(browser, `chrome-extension://${id}/options.html#profile`);
      await learnPage.locator('::-p-aria([role="button"][name="Learn now"])').setTimeout(30_000).click();
      await learnPage.waitForFunction(() => document.body.innerText.includes('Keeps updates short'), { timeout: 60_000, polling: 250 });
      await learnPage.close();
      const heap = await workerHeapMb(browser);
      const many = await optionsWithManySamples(browser, id);
      const popupWithMany = await popupAgainstBlank(browser, id);

      const direct: number[] = [];
      const shown: number[] = [];
      for (let run = 0; run < 5; run++) {
        direct.push(await directFirstToken(llm));
        shown.push(await popupFirstToken(browser, id));
      }
      const added = Math.round((median(shown) - median(direct)) * 10) / 10;
      return [
        ...popup,
        {
          measure: 'popup, open to first meaningful render, 10,000 samples stored',
          value: `${popupWithMany.popup} ms`,
          note: `median of ${RUNS}, timed through the debugger (with the 10,000 seeded by it); empty page ${popupWithMany.blank} ms in these runs`,
          metric: { name: 'popup_first_render_10k_ms', value: popupWithMany.popup },
        },
        { measure: 'options page with 10,000 samples, open to samples shown', value: `${many.interactive} ms`, note: 'median of 3', metric: { name: 'options_interactive_10k_ms', value: many.interactive } },
        { measure: 'select one row of the table, 10,000 stored', value: `${many.select} ms`, note: 'main-thread tasks (trace), click to its bulk actions enabled; median of 3' },
        { measure: 'keep the selected sample out of learning, 10,000 stored', value: `${many.exclude} ms`, note: 'main-thread tasks (trace), click on Keep out of learning to the count updated; median of 3', metric: { name: 'exclude_sample_10k_ms', value: many.exclude } },
        { measure: 'first token shown in the popup, minus straight from the endpoint', value: `${added} ms`, note: `popup ${median(shown)} ms, direct ${median(direct)} ms (stand-in waits ${FIRST_TOKEN_DELAY_MS} ms); median of 5`, metric: { name: 'added_first_token_ms', value: added } },
        { measure: 'worker JS heap after learning, 10,000 samples stored', value: `${heap} MB`, note: 'after a forced GC', metric: { name: 'background_heap_10k_mb', value: heap } },
      ];
    } finally {
      await close();
    }
  },
};

/** The extension section's popup rows alone, from the same setup: `npm run bench -- popup`. */
export const popupSection: BenchSection = {
  name: 'popup',
  partOf: 'extension',
  title: 'The built extension in Chromium: the popup alone',
  // Its rows are timed in a Chromium of their own, which writes the seed itself: no browser to seed from.
  async run(): Promise<BenchRow[]> {
    const extension = buildWithBlankPage();
    const llm = await startFakeOpenAI();
    try {
      return await popupRows(extension, seedRecords(llm.baseURL).records);
    } finally {
      await llm.close();
      rmSync(extension, { recursive: true, force: true });
    }
  },
};
