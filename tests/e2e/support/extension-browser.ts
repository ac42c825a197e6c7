import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startVirtualDisplay } from './real-keyboard';

declare const chrome: {
  tabs: { query(filter: { url: string }): Promise<Array<{ id?: number }>> };
  developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> };
};

/** Host names under .test reach the local test servers, so pages can live on hosts that are not loopback. */
export const TEST_HOST_RULES = 'MAP *.test 127.0.0.1';

export const CHROMIUM_PATH = process.env.IDIOLECT_CHROMIUM ?? '/usr/bin/chromium';
export const BUILT_EXTENSION = process.env.IDIOLECT_EXTENSION_DIR ?? fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));

/** Debian's Chromium with the built extension loaded, quiet, and `.test` hosts mapped to loopback. */
export const CHROMIUM_WITH_EXTENSION_ARGS = [
  `--disable-extensions-except=${BUILT_EXTENSION}`,
  `--load-extension=${BUILT_EXTENSION}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--host-resolver-rules=${TEST_HOST_RULES}`,
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  openExtensionPage(file: 'popup.html' | 'options.html' | `options.html#${string}`): Promise<Page>;
  /** The popup as it opens over `page`: in a tab of its own, told which tab it works on. */
  openPopupOver(page: Page): Promise<Page>;
  /**
   * Gives the extension access to a site the way a person does in the browser's own extension
   * settings (chrome://extensions → Site access → On specific sites), which is what that page calls.
   * A permission prompt cannot be answered from a test; after this, permissions.request for the
   * site resolves at once, but Chrome still refuses patterns the manifest does not declare.
   */
  grantSiteAccessInBrowser(hostPattern: string): Promise<void>;
  /** Presses a browser shortcut ("Alt+Shift+V") on a real keyboard, over `page`; needs `{ realKeyboard: true }`. */
  pressShortcut(page: Page, keys: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A headed browser on a virtual display, so browser shortcuts can be pressed (see real-keyboard.ts). */
  realKeyboard?: boolean;
}

/** Debian's Chromium with the built extension loaded unpacked, in a throwaway profile. */
export async function launchWithExtension({ realKeyboard = false }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'idiolect-e2e-'));
  const display = realKeyboard ? await startVirtualDisplay() : null;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: !display,
    args: CHROMIUM_WITH_EXTENSION_ARGS,
    ...(display ? { env: { ...process.env, DISPLAY: display.name } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  await closeOptionsOpenedAtInstall(context, extensionId);
  return {
    context,
    extensionId,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async openPopupOver(page) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      const [tab] = await worker.evaluate((url) => chrome.tabs.query({ url }), page.url());
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab!.id}`);
      return popup;
    },
    async grantSiteAccessInBrowser(hostPattern) {
      const settings = await context.newPage();
      await settings.goto('chrome://extensions');
      await settings.evaluate(({ id, host }) => chrome.developerPrivate.addHostPermission(id, host), { id: extensionId, host: hostPattern });
      await settings.close();
    },
    async pressShortcut(page, keys) {
      if (!display) throw new Error('Browser shortcuts need a real keyboard: launch with { realKeyboard: true }');
      await display.press(page, keys);
    },
    async close() {
      await context.close();
      await display?.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new install opens the options page by itself, in the browser's first blank tab. Tests open
 * their own pages; left alone, that navigation races them (a test's own navigation to
 * options.html can be interrupted by it).
 */
async function closeOptionsOpenedAtInstall(context: BrowserContext, extensionId: string): Promise<void> {
  const optionsUrl = `chrome-extension://${extensionId}/options.html`;
  const [firstTab] = context.pages();
  if (firstTab) await firstTab.waitForURL(optionsUrl, { timeout: 15_000 });
  for (const page of context.pages()) {
    if (page.url() !== optionsUrl) continue;
    // A headed browser closes its window with its last tab, and then can open no more.
    if (context.pages().length === 1) await page.goto('about:blank');
    else await page.close();
  }
}

/** Reads a table (or one row of it) straight from the extension's IndexedDB, as its own pages can. */
export function readExtensionDatabase(extensionPage: Page, table: string, key?: string): Promise<unknown> {
  return extensionPage.evaluate(
    ({ storeName, rowKey }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('idiolect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction(storeName).objectStore(storeName);
          const request = rowKey === undefined ? store.getAll() : store.get(rowKey);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
    { storeName: table, rowKey: key },
  );
}

/** One setting as the background stored it, to wait until a UI change has really landed. */
export async function readStoredSetting(extensionPage: Page, key: string): Promise<unknown> {
  return ((await readExtensionDatabase(extensionPage, 'settings', key)) as { value?: unknown } | undefined)?.value;
}

export interface StoredSampleRow {
  text: string;
  site: string;
  kind: string;
  recipientDomain: string | null;
}

export async function readStoredSamples(extensionPage: Page): Promise<StoredSampleRow[]> {
  const rows = (await readExtensionDatabase(extensionPage, 'samples')) as StoredSampleRow[];
  return rows.map(({ text, site, kind, recipientDomain }) => ({ text, site, kind, recipientDomain }));
}

export interface StoredSampleState {
  id: string;
  text: string;
  excluded: boolean;
}

/** Each stored sample's id, text and whether it is kept out, to check that an undo put back exactly what was there. */
export async function readStoredSampleStates(extensionPage: Page): Promise<StoredSampleState[]> {
  const rows = (await readExtensionDatabase(extensionPage, 'samples')) as StoredSampleState[];
  return rows.map(({ id, text, excluded }) => ({ id, text, excluded })).sort((a, b) => a.id.localeCompare(b.id));
}
