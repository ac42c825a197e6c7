import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import type { LlmSettings } from '../settings/schema';
import { LlmError } from './errors';
import { createOpenAICompatibleClient, type OpenAICompatibleOptions } from './openai-compatible';
import type { LlmClient } from './types';

const KEY = 'sk-test-llm';
const answerSchema = z.object({ greeting: z.string().min(1), count: z.number().int() });

let fake: FakeOpenAI;
const waits: number[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: KEY, models: ['fake-model', 'fake-model-large'], strictModels: true });
});
beforeEach(() => {
  fake.reset();
  waits.length = 0;
});
afterAll(() => fake.close());

function settings(patch: Partial<LlmSettings> = {}): LlmSettings {
  return { provider: 'custom', baseURL: fake.baseURL, model: 'fake-model', contextTokens: null, ...patch };
}

/** Retries wait through a recorded, instant sleep: the test sees the wait without spending it. */
function client(patch: Partial<LlmSettings> = {}, options: OpenAICompatibleOptions = {}, key: string | null = KEY): LlmClient {
  return createOpenAICompatibleClient(settings(patch), key, {
    retry: { sleep: async (ms) => void waits.push(ms), maxRetries: 2 },
    ...options,
  });
}

function ask(llm: LlmClient) {
  return llm.completeStructured({
    messages: [
      { role: 'system', content: 'Say hello.' },
      { role: 'user', content: 'Please.' },
    ],
    schema: answerSchema,
    schemaName: 'hello', maxTokens: 200,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('structured answers', () => {
  it('asks for a strict JSON schema and returns the validated value with its token counts', async () => {
    fake.script({ json: { greeting: 'hi', count: 2 } });
    const result = await ask(client());
    expect(result).toMatchObject({ value: { greeting: 'hi', count: 2 }, mode: 'json_schema', repaired: false });
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    const [request] = fake.chatRequests;
    expect(request!.chat.responseFormat).toMatchObject({ type: 'json_schema', json_schema: { name: 'hello', strict: true } });
  });

  it('falls back to JSON mode, then to plain text read tolerantly, when the server refuses a format, and remembers it', async () => {
    const llm = client();
    fake.script(
      { error: { status: 400, message: "'response_format.type' json_schema is not supported by this server", param: 'response_format' } },
      { error: { status: 400, message: 'response_format json_object is not supported' } },
      { content: 'Sure! Here it is:\n```json\n{"greeting": "hello", "count": 3}\n```\nAnything else?' },
      { content: '{"greeting": "again", "count": 4}' },
    );
    expect(await ask(llm)).toMatchObject({ value: { greeting: 'hello', count: 3 }, mode: 'text' });
    const [schemaMode, jsonMode, textMode] = fake.chatRequests;
    expect(schemaMode!.chat.responseFormat?.type).toBe('json_schema');
    expect(jsonMode!.chat.responseFormat?.type).toBe('json_object');
    expect(textMode!.chat.responseFormat).toBeUndefined();
    // Without server-side enforcement the schema travels in the prompt.
    expect(textMode!.chat.systemPrompt).toContain('"greeting"');

    expect(await ask(llm)).toMatchObject({ value: { greeting: 'again' }, mode: 'text' });
    expect(fake.chatRequests[3]!.chat.responseFormat).toBeUndefined();
  });

  it('drops the temperature for a model that accepts only its own, and remembers it', async () => {
    const llm = client({ provider: 'openai', model: 'fake-model' });
    fake.script(
      { error: { status: 400, param: 'temperature', message: "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported." } },
      { json: { greeting: 'hi', count: 1 } },
      { json: { greeting: 'again', count: 2 } },
    );
    expect((await ask(llm)).value.greeting).toBe('hi');
    expect((await ask(llm)).value.greeting).toBe('again');
    const bodies = fake.chatRequests.map((request) => request.body as { temperature?: number });
    expect(bodies.map((body) => body.temperature)).toEqual([0.2, undefined, undefined]);
    expect(fake.chatRequests.every((request) => request.chat.responseFormat?.type === 'json_schema')).toBe(true);
  });

  it('repairs a malformed answer once, showing the model its own answer and the validation error', async () => {
    fake.script({ json: { greeting: '', count: 'two' } }, { json: { greeting: 'hi', count: 2 } });
    const result = await ask(client());
    expect(result).toMatchObject({ value: { greeting: 'hi', count: 2 }, repaired: true });
    const repair = fake.chatRequests[1]!;
    expect(repair.chat.messages.at(-2)).toMatchObject({ role: 'assistant', content: '{"greeting":"","count":"two"}' });
    expect(repair.chat.userContent).toMatch(/count: .*expected number/i);
    expect(repair.chat.userContent).toContain('greeting');
    expect(result.usage.promptTokens).toBeGreaterThan(fake.chatRequests.length);
  });

  it('gives up with a clear failure when the repaired answer is still invalid', async () => {
    fake.script({ content: 'I would rather not.' }, { json: { greeting: 'hi' } });
    const error = await failureOf(ask(client()));
    expect(error.code).toBe('invalid-output');
    expect(error.message).toMatch(/not in the expected form.*nothing was saved/);
    // What was wrong, and where, survives into the message the person reads.
    expect(error.message).toMatch(/did not match the required schema: count: .*expected number/i);
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('does not try to repair an answer the model ran out of room for', async () => {
    fake.script({ content: '{"greeting": "hi", "cou', finishReason: 'length' });
    const error = await failureOf(ask(client()));
    expect(error.message).toMatch(/cut off.*context/);
    expect(fake.chatRequests).toHaveLength(1);
  });
});

describe('errors a person can act on', () => {
  it('wrong key (401)', async () => {
    fake.script({ json: {} });
    const error = await failureOf(ask(client({}, {}, 'sk-wrong')));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/refused the API key \(401\).*Check the key/);
  });

  it('wrong key with OpenAI says where to get a new one', async () => {
    fake.script({ error: { status: 401 } });
    const error = await failureOf(ask(client({ provider: 'openai' })));
    expect(error.message).toMatch(/OpenAI refused the API key.*platform\.openai\.com/);
  });

  it('no key at all for OpenAI: says so without sending anything', async () => {
    const error = await failureOf(ask(client({ provider: 'openai' }, {}, null)));
    expect(error.message).toMatch(/needs an OpenAI API key/);
    expect((await client({ provider: 'openai' }, {}, null).testConnection()).message).toMatch(/needs an OpenAI API key/);
    expect(fake.requests).toHaveLength(0);
  });

  it('unknown model (404)', async () => {
    const error = await failureOf(ask(client({ model: 'gpt-imaginary' })));
    expect(error.code).toBe('unknown-model');
    expect(error.message).toContain('“gpt-imaginary” is not available');
  });

  it('a base URL that is not the API (404)', async () => {
    const error = await failureOf(ask(client({ baseURL: fake.baseURL.replace(/\/v1$/, '') })));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/Check the Base URL.*\/v1/);
  });

  it('Ollama’s empty 403 for an extension origin says how to set OLLAMA_ORIGINS', async () => {
    fake.script({ error: { status: 403, body: '' } });
    const error = await failureOf(
      ask(client({ provider: 'ollama' }, { extensionOrigin: 'chrome-extension://abcdefghijklmnop' })),
    );
    expect(error.code).toBe('ollama-origin');
    expect(error.message).toContain('OLLAMA_ORIGINS=chrome-extension://abcdefghijklmnop');
    expect(error.message).toMatch(/restart/);
  });

  it('CORS: the server answers but the browser withholds the reply', async () => {
    // What a browser does with a reply that lacks CORS headers: the fetch fails as a network error.
    const blockingFetch: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/chat/completions')) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const error = await failureOf(ask(client({ provider: 'lmstudio' }, { fetch: blockingFetch })));
    expect(error.code).toBe('cors');
    expect(error.message).toMatch(/running, but the browser blocked its answer \(CORS\).*Enable CORS/);
  });

  it('an endpoint that is down', async () => {
    const down = await startFakeOpenAI();
    const baseURL = down.baseURL;
    await down.close();
    const error = await failureOf(ask(client({ baseURL })));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`Could not reach ${baseURL}. Is the server running`);
  });

  it('a time-out', async () => {
    fake.script({ hang: true });
    const error = await failureOf(ask(client({}, { timeoutMs: 150 })));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer in time/);
  });

  it('rate limits: waits as long as Retry-After says, then goes on', async () => {
    fake.script({ error: { status: 429, headers: { 'retry-after': '7' } } }, { json: { greeting: 'hi', count: 1 } });
    expect((await ask(client())).value.greeting).toBe('hi');
    expect(waits).toEqual([7000]);
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('rate limits: backs off exponentially when the server does not say, then tells the person', async () => {
    fake.script(...Array.from({ length: 3 }, () => ({ error: { status: 429 } })));
    const error = await failureOf(ask(client()));
    expect(error.code).toBe('rate-limit');
    expect(error.message).toMatch(/limiting how many requests.*Try again/);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('rate limits: a wait longer than a minute is not waited out but reported', async () => {
    fake.script({ error: { status: 429, headers: { 'retry-after': '600' } } });
    const error = await failureOf(ask(client()));
    expect(error.message).toContain('asks to wait 10 minutes');
    expect(error.retryAfterMs).toBe(600_000);
    expect(waits).toEqual([]);
  });

  it('an account without credit is not retried', async () => {
    fake.script({ error: { status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' } });
    const error = await failureOf(ask(client()));
    expect(error.code).toBe('quota');
    expect(waits).toEqual([]);
  });
});

describe('streaming', () => {
  it('streams the text in pieces', async () => {
    fake.script({ content: 'Hi team, the demo is on Tuesday at 3pm.' });
    const pieces: string[] = [];
    for await (const piece of client().streamText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 200 })) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Hi team, the demo is on Tuesday at 3pm.');
  });

  it('is cancelled by its signal, and the server sees the request go away', async () => {
    fake.script({ delayMs: 60_000, then: { content: 'never' } });
    const cancel = new AbortController();
    const stream = client().streamText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 200, signal: cancel.signal });
    const consuming = (async () => {
      for await (const piece of stream) void piece;
    })();
    await fake.waitForRequests(1);
    cancel.abort();
    const error = await failureOf(consuming);
    expect(error.code).toBe('cancelled');
  });
});

describe('test connection', () => {
  it('lists the models and runs one tiny completion', async () => {
    fake.script({ content: 'ready' });
    const report = await client().testConnection();
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/^Connected\. “fake-model” answered in [\d.]+ s \(“ready”\)\. The server offers 2 models\.$/);
    expect(report.models).toEqual(['fake-model', 'fake-model-large']);
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('names the models on offer when the server refuses the chosen one', async () => {
    const report = await client({ model: 'llama3.1' }).testConnection();
    expect(report).toMatchObject({ ok: false, message: expect.stringContaining('has no model named “llama3.1”. It offers: fake-model, fake-model-large') });
  });

  it('answers a wrong key in words', async () => {
    const report = await client({}, {}, 'sk-wrong').testConnection();
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/refused the API key \(401\)/);
  });
});
