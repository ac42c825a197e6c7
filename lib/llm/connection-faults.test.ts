import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { LlmError } from './errors';
import { createOpenAICompatibleClient } from './openai-compatible';
import { redactSecret } from './redact-secret';
import type { LlmClient } from './types';

const KEY = 'sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
const schema = z.object({ greeting: z.string() });

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

function client(): LlmClient {
  return createOpenAICompatibleClient({ provider: 'custom', baseURL: fake.baseURL, model: 'fake-model' }, KEY, {
    retry: { sleep: async () => undefined, maxRetries: 2 },
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

async function readAll(stream: AsyncIterable<string>): Promise<{ text: string; error: LlmError | null }> {
  let text = '';
  try {
    for await (const delta of stream) text += delta;
    return { text, error: null };
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError);
    return { text, error: error as LlmError };
  }
}

const ask = (llm: LlmClient) => llm.completeStructured({ messages: [{ role: 'user', content: 'hi' }], schema, schemaName: 'hello', maxTokens: 64 });

describe('a server that quotes the API key back', () => {
  it.each([
    [401, 'Incorrect API key provided: ' + KEY + '.'],
    [400, `Invalid header "Authorization: Bearer ${KEY}"`],
    [500, `upstream rejected token ${KEY.slice(0, 22)}…`],
  ])('never puts the key into the message of a %i', async (status, message) => {
    fake.script({ error: { status, message, headers: { 'x-should-retry': 'false' } } });
    const error = await failureOf(ask(client()));
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(KEY.slice(0, 22));
    expect(String(error.cause ?? '')).not.toContain(KEY.slice(0, 22));
    expect(JSON.stringify(error)).not.toContain(KEY.slice(0, 22));
  });

  it('nor into the report of Test connection, nor into a failed stream', async () => {
    fake.script({ error: { status: 403, message: `key ${KEY} has no access to this model` } });
    const report = await client().testConnection();
    expect(report.ok).toBe(false);
    expect(report.message).toContain('[your API key]');
    expect(report.message).not.toContain(KEY);

    fake.script({ error: { status: 400, message: `bad key ${KEY}` } });
    const { error } = await readAll(client().streamText({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 64 }));
    expect(error?.message).not.toContain(KEY);
  });

  it('leaves a short or absent key alone, so ordinary words are not cut out', () => {
    expect(redactSecret('Invalid model abc', 'abc')).toBe('Invalid model abc');
    expect(redactSecret('Invalid model abc', null)).toBe('Invalid model abc');
  });
});

describe('a connection that breaks while the answer arrives', () => {
  it('asks again when an inference body is cut, and stores what the second answer says', async () => {
    fake.script({ cut: true, content: JSON.stringify({ greeting: 'cut' }) }, { json: { greeting: 'whole' } });
    const result = await ask(client());
    expect(result.value).toEqual({ greeting: 'whole' });
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('says in words that the connection broke when every try is cut', async () => {
    fake.setDefault({ cut: true, content: JSON.stringify({ greeting: 'cut' }) });
    const error = await failureOf(ask(client()));
    expect(error.code).toBe('connection-lost');
    expect(error.message).toMatch(/connection to http:\/\/127\.0\.0\.1:\d+\/v1 broke while the model’s answer was arriving/);
    expect(error.message).not.toMatch(/Failed to fetch|terminated|network error/);
    expect(fake.chatRequests).toHaveLength(3);
  });

  it('asks a stream again when it breaks before any text, but not once text was shown', async () => {
    fake.script({ paced: [], finishReason: null, end: 'cut' }, { content: 'Hello there.' });
    expect(await readAll(client().streamText({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 64 }))).toEqual({ text: 'Hello there.', error: null });

    fake.script({ paced: [{ afterMs: 0, content: 'Hello' }], finishReason: null, end: 'cut' }, { content: 'never asked' });
    const { text, error } = await readAll(client().streamText({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 64 }));
    expect(text).toBe('Hello');
    expect(error?.code).toBe('connection-lost');
    expect(error?.message).toMatch(/What it wrote so far is kept/);
    expect(fake.chatRequests).toHaveLength(3);
  });

  it('treats a stream that finished (finish_reason stop) but sent no [DONE] as whole', async () => {
    fake.script({ paced: [{ afterMs: 0, content: 'All here.' }], end: 'no-done' });
    expect(await readAll(client().streamText({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 64 }))).toEqual({ text: 'All here.', error: null });
  });
});

describe('a web page answering 200 at the Base URL', () => {
  let page: Server;
  let pageBaseURL: string;
  beforeAll(async () => {
    page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageBaseURL = `http://127.0.0.1:${(page.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => page.close(() => resolve())));

  const pageClient = () =>
    createOpenAICompatibleClient({ provider: 'custom', baseURL: pageBaseURL, model: 'fake-model' }, KEY, { retry: { sleep: async () => undefined, maxRetries: 2 } });

  it('is named as not the OpenAI API by Test connection, learning and a plain completion, never as a broken connection', async () => {
    const report = await pageClient().testConnection();
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/^Something answered at .*, but not in the OpenAI API's language.*Check the Base URL/);
    const learning = await failureOf(pageClient().completeStructured({ messages: [{ role: 'user', content: 'hi' }], schema, schemaName: 'greeting', maxTokens: 50 }));
    expect(learning.code).toBe('not-an-api');
    expect(learning.message).not.toMatch(/Cannot read properties/);
    expect((await failureOf(pageClient().completeText({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 50 }))).code).toBe('not-an-api');
  });
});
