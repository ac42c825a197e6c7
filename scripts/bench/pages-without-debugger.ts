/**
 * Times extension pages in a Chromium that no debugger is attached to. Puppeteer attaches to every
 * page it drives, and an attached debugger changes what is timed (here it made an empty page
 * ~5 ms faster and the popup ~15 ms slower), so page-load ratios are measured this way instead: a
 * driver page inside a copy of the build (no-debugger/driver.js) opens each page in a tab, reads
 * its timing there and posts the figures to a loopback server here.
 *
 * Beside the pages asked for, two floors are built into the copy, for what no first screen can
 * go below: `reads-floor.html` only reads what the popup's first screen needs (raw IndexedDB, the
 * tab, session storage), `react-floor.html` only evaluates React and ReactDOM and draws one element.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'no-debugger');
const CHROMIUM = process.env.IDIOLECT_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = 300_000;

export interface TimedPage {
  name: string;
  /** An extension path, such as `/popup.html`. */
  url: string;
  /** The performance mark the page sets when it is ready; without one, its load event's end. */
  mark?: string;
  /** A path of `webPages`: the page is opened for that web page's tab (`?tab=`), as the popup is over a page. */
  over?: string;
  /** Text the page must show by its mark (in its text or a field), or the figure is not what it says. */
  shows?: string;
}

export const FLOOR_PAGES: readonly TimedPage[] = [
  { name: 'reads-floor', url: '/bench/reads-floor.html', mark: 'idiolect:floor' },
  { name: 'react-floor', url: '/bench/react-floor.html', mark: 'idiolect:floor' },
];

function pageWithScript(file: string, script: string, type: 'module' | 'classic'): void {
  const tag = type === 'module' ? `<script type="module" src="${script}"></script>` : `<script src="${script}"></script>`;
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>${tag}</head><body><div id="root"></div></body></html>`);
}

async function buildReactFloor(into: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: into,
      emptyOutDir: false,
      lib: { entry: path.join(HERE, 'react-floor.ts'), formats: ['es'], fileName: () => 'react-floor.js' },
    },
  });
}

/** The build, copied, with the driver, the floors and a hook that opens the driver once the extension is installed. */
async function instrumentedCopy(extension: string, settings: object): Promise<string> {
  const copy = realpathSync(mkdtempSync(path.join(tmpdir(), 'idiolect-bench-unattached-')));
  cpSync(extension, copy, { recursive: true });
  const bench = path.join(copy, 'bench');
  mkdirSync(bench);
  for (const file of ['driver.html', 'driver.js', 'reads-floor.js']) copyFileSync(path.join(HERE, file), path.join(bench, file));
  pageWithScript(path.join(bench, 'reads-floor.html'), '/bench/reads-floor.js', 'classic');
  await buildReactFloor(bench);
  pageWithScript(path.join(bench, 'react-floor.html'), '/bench/react-floor.js', 'module');
  const driver = `bench/driver.html#${encodeURIComponent(JSON.stringify(settings))}`;
  appendFileSync(path.join(copy, 'background.js'), `\n;chrome.runtime.onInstalled.addListener(() => chrome.tabs.create({ url: ${JSON.stringify(driver)} }));\n`);
  return copy;
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its path, its first 32 hex digits written a-p. */
function unpackedExtensionId(directory: string): string {
  return [...createHash('sha256').update(directory).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });
}

/**
 * Each page's times, `runs` rounds of every page in turn, in a fresh Chromium with no debugger,
 * after `seed` (records by store) is written into the extension's database; `webPages` (HTML by
 * path) are served on loopback for pages timed `over` one.
 */
export async function timePagesWithoutDebugger(
  extension: string,
  pages: readonly TimedPage[],
  runs: number,
  seed: Record<string, readonly unknown[]>,
  webPages: Readonly<Record<string, string>> = {},
): Promise<Record<string, number[]>> {
  let settle: { resolve(times: Record<string, number[]>): void; reject(error: Error): void } | undefined;
  const result = new Promise<Record<string, number[]>>((resolve, reject) => (settle = { resolve, reject }));
  const server = createServer(async (request, response) => {
    if (request.method === 'GET') {
      const webPage = webPages[request.url ?? ''];
      return void (webPage === undefined ? response.writeHead(404).end() : response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(webPage));
    }
    const body = await bodyOf(request);
    response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
    if (request.url === '/times') settle!.resolve(JSON.parse(body) as Record<string, number[]>);
    if (request.url === '/error') settle!.reject(new Error(`the bench driver failed: ${(JSON.parse(body) as { message: string }).message}`));
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const copy = await instrumentedCopy(extension, { port, runs, pages, seed });
  const profile = mkdtempSync(path.join(tmpdir(), 'idiolect-bench-profile-'));
  const chromium = spawn(
    CHROMIUM,
    ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${profile}`, `--disable-extensions-except=${copy}`, `--load-extension=${copy}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const timer = setTimeout(() => settle!.reject(new Error(`the bench driver (chrome-extension://${unpackedExtensionId(copy)}/bench/driver.html) reported nothing in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  try {
    return await result;
  } finally {
    clearTimeout(timer);
    chromium.kill();
    server.close();
    if (chromium.exitCode === null && chromium.signalCode === null) await new Promise((resolve) => chromium.once('exit', resolve));
    rmSync(copy, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
