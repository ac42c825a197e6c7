/**
 * Draws the extension's icons (public/icon/<size>.png, every size Chrome's and Firefox's stores
 * and toolbars ask for) from assets/icon.svg with Debian's Chromium, so the SVG stays the one source.
 * Run after changing the SVG: npx tsx scripts/draw-icons.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const outDir = new URL('../public/icon/', import.meta.url);
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: new URL(`${size}.png`, outDir).pathname, omitBackground: true });
  }
} finally {
  await browser.close();
}
