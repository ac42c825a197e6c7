import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

/**
 * A browser's keyboard shortcuts (extension commands among them) are handled by the browser
 * itself, above any page. Playwright's key presses go straight to the page's renderer, and
 * headless Chromium has no window to take keys at all, so neither can press a shortcut. A headed
 * Chromium on a virtual X display (Xvfb) takes real key events, sent through X's test extension
 * with xdotool, exactly as from a keyboard. `.ci/run` installs both.
 */
export interface VirtualDisplay {
  /** The X display name, for the browser's DISPLAY. */
  name: string;
  /** Presses keys (written as Chrome writes shortcuts, e.g. "Alt+Shift+V") in the browser window showing `page`. */
  press(page: Page, keys: string): Promise<void>;
  close(): Promise<void>;
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const name = `:${await displayNumberOf(server)}`;
  const env = { ...process.env, DISPLAY: name };
  const xdotool = async (...args: string[]) => (await run('xdotool', args, { env })).stdout.trim();
  return {
    name,
    async press(page, keys) {
      await page.bringToFront();
      // No window manager runs here, so the browser window is given the X input focus directly.
      const [window] = (await xdotool('search', '--onlyvisible', '--class', 'chromium')).split('\n');
      if (!window) throw new Error(`No Chromium window is showing on display ${name}`);
      await xdotool('windowfocus', '--sync', window);
      // xdotool names modifiers and letters in lower case: "Alt+Shift+V" is alt+shift+v.
      await xdotool('key', '--clearmodifiers', keys.toLowerCase());
    },
    async close() {
      server.kill();
      await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
    },
  };
}

function displayNumberOf(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let written = '';
    let errors = '';
    server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    (server.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      written += chunk.toString();
      if (written.includes('\n')) resolve(written.trim());
    });
    server.once('error', (error) => reject(new Error(`Xvfb could not start (${error.message}); install xvfb and xdotool, as .ci/run does`)));
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it gave a display: ${errors.trim()}`)));
  });
}
