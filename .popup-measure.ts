import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { scriptBytesBeforeRender } from './scripts/bench/extension-pages';
const BUILD = path.resolve('.output/chrome-mv3');
const copy = mkdtempSync(path.join(tmpdir(), 'popup-measure-'));
cpSync(BUILD, copy, { recursive: true });
writeFileSync(path.join(copy, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, ignoreDefaultArgs: ['--disable-extensions'],
  args: [`--disable-extensions-except=${copy}`, `--load-extension=${copy}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const worker = await browser.waitForTarget((t) => t.type() === 'service_worker');
const id = new URL(worker.url()).host;
const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const popup: number[] = []; const nav: string[] = []; const blank: number[] = [];
for (let i = 0; i < 9; i++) {
  const e = await browser.newPage(); await e.goto(`chrome-extension://${id}/blank.html`);
  blank.push(await e.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd)); await e.close();
  const p = await browser.newPage(); await p.goto(`chrome-extension://${id}/popup.html`);
  const h = await p.waitForFunction(() => performance.getEntriesByName('idiolect:popup-ready', 'mark')[0]?.startTime, { timeout: 60000 });
  popup.push((await h.jsonValue()) as number); nav.push(await p.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, n.loadEventEnd].map(Math.round).join('/'); })); await p.close();
}
console.log(JSON.stringify({ popup: med(popup), blank: med(blank), ratio: med(popup) / med(blank), bytes: scriptBytesBeforeRender(copy, 'popup.html'), popupAll: popup, nav, blankAll: blank }));
await browser.close();
