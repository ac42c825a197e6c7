import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The extension's write-back and site adapters, bundled into one script a test page can load with
 * `page.addScriptTag({ content })`. It exposes `window.idiolect.write(selector, text, siteId?)`,
 * which writes like the content script does and resolves to `{ ok, method }`.
 */
export async function bundleWriteBack(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { SITES, siteAdapterFor } from './lib/harvest/sites';
        window.idiolect = {
          write(selector, text, siteId) {
            const field = document.querySelector(selector);
            if (!field) throw new Error('No element matches ' + selector);
            const site = SITES.find((candidate) => candidate.id === siteId) ?? siteAdapterFor(new URL(location.href), document);
            return site.writeText(field, text);
          },
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

declare global {
  interface Window {
    idiolect: { write(selector: string, text: string, siteId?: string): Promise<{ ok: boolean; method: string | null }> };
  }
}
