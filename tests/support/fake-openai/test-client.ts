import OpenAI from 'openai';
import type { FakeOpenAI } from './types';

export const TEST_KEY = 'sk-test';

/** The official client as the extension configures it, minus retries so failures surface at once. */
export function clientFor(fake: FakeOpenAI, apiKey = TEST_KEY): OpenAI {
  return new OpenAI({ baseURL: fake.baseURL, apiKey, dangerouslyAllowBrowser: false, maxRetries: 0 });
}

export function postJson(fake: FakeOpenAI, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fake.baseURL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEY}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const userSays = (content: string) => [{ role: 'user' as const, content }];
