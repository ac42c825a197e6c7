import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createOpenAICompatibleClient } from '../../lib/llm/openai-compatible';
import type { LlmClient } from '../../lib/llm/types';
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai';

/**
 * The stand-in model for a whole test file: started once, emptied before each test, closed after;
 * `client()` is the product's own client pointed at it, without retries so failures show at once.
 */
export function useFakeModel(): { readonly server: FakeOpenAI; client(): LlmClient } {
  let server: FakeOpenAI | undefined;
  beforeAll(async () => {
    server = await startFakeOpenAI();
  });
  beforeEach(() => server?.reset());
  afterAll(() => server?.close());
  const started = (): FakeOpenAI => {
    if (!server) throw new Error('useFakeModel: the server is only there inside tests');
    return server;
  };
  return {
    get server() {
      return started();
    },
    client: () =>
      createOpenAICompatibleClient({ provider: 'custom', baseURL: started().baseURL, model: 'fake-model' }, null, { retry: { maxRetries: 0 } }),
  };
}
