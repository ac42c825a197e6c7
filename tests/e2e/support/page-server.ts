import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageServer {
  port: number;
  /** The same page on loopback (127.0.0.1, localhost) or on a `.test` host the browser maps to loopback. */
  url(page: string, host?: '127.0.0.1' | 'localhost' | `${string}.test`): string;
  close(): Promise<void>;
}

const PAGES_DIR = fileURLToPath(new URL('../pages', import.meta.url));

/** Serves the test pages in tests/e2e/pages over http on loopback, so both host names reach it. */
export async function startPageServer(extraRoots: Record<string, string> = {}): Promise<PageServer> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const [root, relative] = resolveRoot(url.pathname, extraRoots);
    const file = path.normalize(path.join(root, relative));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypeOf(file) }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (page, host = '127.0.0.1') => `http://${host}:${port}/${page}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function resolveRoot(pathname: string, extraRoots: Record<string, string>): [string, string] {
  const [, first = '', ...rest] = pathname.split('/');
  const extra = extraRoots[first];
  return extra ? [extra, rest.join('/')] : [PAGES_DIR, pathname.slice(1)];
}

function contentTypeOf(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.css')) return 'text/css';
  return 'application/octet-stream';
}
