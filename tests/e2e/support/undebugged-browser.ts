import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_PATH, CHROMIUM_WITH_EXTENSION_ARGS } from './extension-browser';

/**
 * Chromium with the built extension, driven over a pipe by puppeteer-core, which attaches to the
 * extension's pages but never to its service worker: a worker with a debugger attached is never
 * stopped, so only here does Chrome stop an idle worker after about 30 s, as it does for people.
 */
export interface UndebuggedBrowser {
  browser: Browser;
  extensionId: string;
  openExtensionPage(file: 'popup.html' | 'options.html'): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithoutWorkerDebugger(): Promise<UndebuggedBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'idiolect-undebugged-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    userDataDir,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: CHROMIUM_WITH_EXTENSION_ARGS,
    targetFilter: (target) => target.type() !== 'service_worker',
    // Waits in these tests last minutes, as a slow model does; each wait has its own time-out.
    protocolTimeout: 600_000,
  });
  const worker = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'), {
    timeout: 15_000,
  });
  const extensionId = new URL(worker.url()).host;
  return {
    browser,
    extensionId,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A control found the way a person finds it: by its role and its accessible name. */
export function byRole(page: Page, role: string, name: string) {
  return page.locator(`::-p-aria([name="${name}"][role="${role}"])`);
}

/**
 * Types into a field as a person's keyboard does (trusted input events): puppeteer's own `fill`
 * sets long values directly, which a page, and Idiolect's harvester, sees as not typed by anyone.
 */
export async function typeInto(page: Page, role: string, name: string, text: string): Promise<void> {
  await byRole(page, role, name).click();
  await page.keyboard.sendCharacter(text);
}

/** Waits until the control with that role and name shows text matching `pattern`, and returns the text. */
export async function waitForText(page: Page, role: string, name: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const element = await byRole(page, role, name).setTimeout(timeoutMs).waitHandle();
  const shown = await page.waitForFunction(
    (control, source, flags) => {
      const text = control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement ? control.value : (control.textContent ?? '');
      return new RegExp(source, flags).test(text) ? text : null;
    },
    { timeout: timeoutMs, polling: 250 },
    element,
    pattern.source,
    pattern.flags,
  );
  return (await shown.jsonValue()) as string;
}

/** Waits until a status message (role "status") says something matching `pattern`. */
export async function waitForStatus(page: Page, pattern: RegExp, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (source, flags) => [...document.querySelectorAll('[role="status"]')].some((status) => new RegExp(source, flags).test(status.textContent?.trim() ?? '')),
    { timeout: timeoutMs, polling: 500 },
    pattern.source,
    pattern.flags,
  );
}

/**
 * Waits until the page shows `success` or says something went wrong (an alert), and returns which,
 * so a failure reads as what the person would have seen instead of a time-out.
 */
export async function waitForOutcome(page: Page, success: RegExp, timeoutMs: number): Promise<{ ok: true } | { ok: false; shown: string }> {
  const outcome = await page.waitForFunction(
    (source, flags) => {
      const alerts = [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent?.trim() ?? '').filter(Boolean);
      if (alerts.length > 0) return { ok: false, shown: alerts.join(' | ') };
      return new RegExp(source, flags).test(document.body.innerText) ? { ok: true } : null;
    },
    { timeout: timeoutMs, polling: 1000 },
    success.source,
    success.flags,
  );
  return (await outcome.jsonValue()) as { ok: true } | { ok: false; shown: string };
}
