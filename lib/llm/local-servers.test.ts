import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { findLocalServers } from './local-servers';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
let lmStudio: FakeOpenAI;
let ollamaRefusing: ReturnType<typeof createServer>;
let ollamaURL: string;

beforeAll(async () => {
  lmStudio = await startFakeOpenAI({ dialect: 'lmstudio', models: ['qwen2.5-7b-instruct', 'llama-3.2-3b'] });
  // Ollama's origin check: any request from an extension it was not told about gets a bare 403.
  ollamaRefusing = createServer((_request, response) => {
    response.writeHead(403);
    response.end();
  });
  await new Promise<void>((resolve) => ollamaRefusing.listen(0, '127.0.0.1', resolve));
  ollamaURL = `http://127.0.0.1:${(ollamaRefusing.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await lmStudio.close();
  await new Promise<void>((resolve) => ollamaRefusing.close(() => resolve()));
});

describe('finding a local model server', () => {
  it('finds a server that answers with its models, and says how to let in one that refuses the extension', async () => {
    const found = await findLocalServers(ORIGIN, fetch, { ollama: ollamaURL, lmstudio: lmStudio.baseURL, llamacpp: 'http://127.0.0.1:9/v1' });
    expect(found).toEqual([
      expect.objectContaining({ provider: 'ollama', state: 'refused', advice: expect.stringContaining('OLLAMA_ORIGINS=chrome-extension://abcdefghijklmnop') }),
      { provider: 'lmstudio', label: 'LM Studio', baseURL: lmStudio.baseURL, state: 'ready', models: ['llama-3.2-3b', 'qwen2.5-7b-instruct'], advice: null },
    ]);
  });

  it('finds nothing where nothing listens, or where something that is not a model server answers', async () => {
    const page = createServer((_request, response) => response.end('<!doctype html><p>router login</p>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const pageURL = `http://127.0.0.1:${(page.address() as AddressInfo).port}/v1`;
    try {
      expect(await findLocalServers(ORIGIN, fetch, { ollama: 'http://127.0.0.1:9/v1', lmstudio: pageURL, llamacpp: 'http://127.0.0.1:9/v1' })).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => page.close(() => resolve()));
    }
  });
});
