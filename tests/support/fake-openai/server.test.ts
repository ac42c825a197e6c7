import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromSchema } from './schema-example';
import { startFakeOpenAI } from './server';
import { clientFor, postJson, TEST_KEY, userSays } from './test-client';
import type { FakeOpenAI } from './types';

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
  client = clientFor(fake);
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

async function collect(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('startFakeOpenAI', () => {
  it('listens on loopback with an OpenAI-style base URL', () => {
    expect(fake.baseURL).toBe(`http://127.0.0.1:${fake.port}/v1`);
  });

  it('lists its models in OpenAI format', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('fake-model');
    expect((await client.models.retrieve('fake-model')).object).toBe('model');
  });
});

describe('JSON replies', () => {
  it('answers a scripted text reply with a complete chat.completion and usage', async () => {
    fake.script({ content: 'Hello there.' });
    const completion = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('fake-model');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Hello there.' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 });
  });

  it('serves scripted replies in order, then the default', async () => {
    fake.script({ content: 'first' }, () => ({ content: 'second' }));
    fake.setDefault(async (request) => ({ content: `default for ${request.chat.userContent}` }));
    const ask = async (text: string) =>
      (await client.chat.completions.create({ model: 'fake-model', messages: userSays(text) })).choices[0]?.message.content;
    expect([await ask('a'), await ask('b'), await ask('c')]).toEqual(['first', 'second', 'default for c']);
  });

  it('fails loudly, without client retries, when nothing was scripted', async () => {
    const fresh = new OpenAI({ baseURL: fake.baseURL, apiKey: TEST_KEY });
    await expect(fresh.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') })).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('no scripted reply'),
    });
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('reports the scripted finish reason', async () => {
    fake.script({ content: 'cut short', finishReason: 'length' });
    const completion = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') });
    expect(completion.choices[0]?.finish_reason).toBe('length');
  });

  it('returns n choices when n is asked', async () => {
    fake.script({ content: 'same' });
    const completion = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi'), n: 2 });
    expect(completion.choices.map((c) => [c.index, c.message.content])).toEqual([
      [0, 'same'],
      [1, 'same'],
    ]);
  });
});

describe('structured outputs', () => {
  const Rewrite = z.object({ rewritten: z.string(), changes: z.array(z.string()), confidence: z.number().min(0).max(1) });

  it('lets client.chat.completions.parse parse a scripted json reply', async () => {
    const value = { rewritten: 'Hey!', changes: ['shorter'], confidence: 0.9 };
    fake.script({ json: value });
    const completion = await client.chat.completions.parse({
      model: 'fake-model',
      messages: userSays('Rewrite: Hello.'),
      response_format: zodResponseFormat(Rewrite, 'rewrite'),
    });
    expect(completion.choices[0]?.message.parsed).toEqual(value);
    const format = fake.chatRequests[0]?.chat.responseFormat;
    expect(format?.type === 'json_schema' && format.json_schema.strict).toBe(true);
  });

  it('fabricates a value the zod schema accepts with fromSchema()', async () => {
    fake.script(fromSchema());
    const completion = await client.chat.completions.parse({
      model: 'fake-model',
      messages: userSays('Rewrite: Hello.'),
      response_format: zodResponseFormat(Rewrite, 'rewrite'),
    });
    expect(Rewrite.parse(completion.choices[0]?.message.parsed)).toEqual({ rewritten: 'example', changes: ['example'], confidence: 0 });
  });
});

describe('streaming', () => {
  it('streams text the client iterator reassembles', async () => {
    fake.script({ content: 'Streaming works, word by word.' });
    const stream = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi'), stream: true });
    expect(await collect(stream)).toBe('Streaming works, word by word.');
  });

  it("sends OpenAI's exact chunk sequence, with a usage chunk when include_usage is set", async () => {
    fake.script({ json: { ok: true } });
    const response = await postJson(fake, '/chat/completions', {
      model: 'fake-model',
      messages: userSays('Answer in json'),
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id)).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const contentChunks = chunks.slice(1, -2);
    expect(contentChunks.map((c) => c.choices[0].delta.content).join('')).toBe('{"ok":true}');
    expect(chunks.at(-2).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } });
  });

  it('makes the client throw when the stream is cut mid-way, after some content', async () => {
    fake.script({ cut: true, content: 'one two three four five six seven eight' });
    const stream = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi'), stream: true });
    let received = '';
    await expect(
      (async () => {
        for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
      })(),
    ).rejects.toThrow();
    expect(received.length).toBeGreaterThan(0);
    expect('one two three four five six seven eight'.startsWith(received)).toBe(true);
    expect(received).not.toBe('one two three four five six seven eight');
  });

  it('makes the client throw on a malformed event', async () => {
    fake.script({ malformed: 'data: {not json\n\n' });
    // The client logs unparseable events on top of throwing; keep the test output clean.
    const quiet = new OpenAI({ baseURL: fake.baseURL, apiKey: TEST_KEY, maxRetries: 0, logLevel: 'off' });
    const stream = await quiet.chat.completions.create({ model: 'fake-model', messages: userSays('Hi'), stream: true });
    await expect(collect(stream)).rejects.toThrow(/malformed/);
  });
});

describe('broken replies', () => {
  it('makes the client throw when a JSON body is cut off', async () => {
    fake.script({ cut: true, content: 'a reply that never fully arrives' });
    await expect(client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') })).rejects.toThrow();
  });

  it('makes the client throw on a malformed JSON body', async () => {
    fake.script({ malformed: '{"choices": [' });
    await expect(client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') })).rejects.toThrow();
  });

  it('lets a delayed reply be aborted and keeps serving', async () => {
    fake.script({ delayMs: 60_000, then: { content: 'too late' } }, { content: 'still here' });
    const controller = new AbortController();
    const pending = client.chat.completions.create({ model: 'fake-model', messages: userSays('slow') }, { signal: controller.signal });
    await fake.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    const next = await client.chat.completions.create({ model: 'fake-model', messages: userSays('again') });
    expect(next.choices[0]?.message.content).toBe('still here');
  });

  it('answers a delayed reply once the delay has passed', async () => {
    fake.script({ delayMs: 1, then: () => ({ content: 'later' }) });
    const completion = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') });
    expect(completion.choices[0]?.message.content).toBe('later');
  });

  it('hangs until reset, which cuts the connection', async () => {
    fake.script({ hang: true });
    const pending = client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') });
    await fake.waitForRequests(1);
    fake.reset();
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });
});

describe('scripted errors', () => {
  it('carries Retry-After on a 429', async () => {
    fake.script({ error: { status: 429, headers: { 'Retry-After': '7' } } });
    const error = await client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7');
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
  });

  it.each([
    [401, OpenAI.AuthenticationError],
    [403, OpenAI.PermissionDeniedError],
    [404, OpenAI.NotFoundError],
    [500, OpenAI.InternalServerError],
    [503, OpenAI.InternalServerError],
  ])('answers a scripted %i the client maps to its error class', async (status, ErrorClass) => {
    fake.script({ error: { status, message: `scripted ${status}` } });
    const pending = client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') });
    await expect(pending).rejects.toBeInstanceOf(ErrorClass);
    await expect(pending).rejects.toMatchObject({ status, message: expect.stringContaining(`scripted ${status}`) });
  });

  it('can answer with a raw text body, like Ollama refusing an origin', async () => {
    fake.script({ error: { status: 403, body: '' } });
    const response = await postJson(fake, '/chat/completions', { model: 'fake-model', messages: userSays('Hi') });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('');
  });
});

describe('auth, models and routes', () => {
  it('answers 401 invalid_api_key to a wrong or missing key', async () => {
    const wrong = clientFor(fake, 'sk-wrong');
    await expect(wrong.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    const response = await fetch(`${fake.baseURL}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key' } });
  });

  it('answers 404 to an unknown path', async () => {
    const response = await postJson(fake, '/completions/nope', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: 'Invalid URL (POST /v1/completions/nope)', type: 'invalid_request_error', param: null, code: null },
    });
  });

  it('answers 404 model_not_found to an unknown model only when strictModels is on', async () => {
    const strict = await startFakeOpenAI({ models: ['only-this'], strictModels: true });
    try {
      strict.setDefault({ content: 'ok' });
      const strictClient = clientFor(strict);
      await expect(strictClient.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') })).rejects.toMatchObject({
        status: 404,
        code: 'model_not_found',
      });
      const ok = await strictClient.chat.completions.create({ model: 'only-this', messages: userSays('Hi') });
      expect(ok.choices[0]?.message.content).toBe('ok');
    } finally {
      await strict.close();
    }
    fake.script({ content: 'lenient' });
    const lenient = await client.chat.completions.create({ model: 'any-model', messages: userSays('Hi') });
    expect(lenient.choices[0]?.message.content).toBe('lenient');
  });

  it('answers CORS preflights and marks responses readable cross-origin', async () => {
    const preflight = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    fake.script({ content: 'hi' });
    const response = await postJson(fake, '/chat/completions', { model: 'fake-model', messages: userSays('Hi') }, { origin: 'https://example.com' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('recording', () => {
  it('records every request with headers, body and a chat view', async () => {
    fake.script({ content: 'ok' });
    await client.chat.completions.create({
      model: 'fake-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: 'Match the voice.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'noted' },
        { role: 'user', content: [{ type: 'text', text: 'second ' }, { type: 'text', text: 'part' }] },
      ],
      temperature: 0.2,
    });
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { temperature: 0.2 } });
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.chat).toMatchObject({
      model: 'fake-model',
      stream: false,
      systemPrompt: 'Be brief.\n\nMatch the voice.',
      userContent: 'second part',
    });
    expect(request?.chat?.messages).toHaveLength(5);
  });

  it('records rejected and non-chat requests too, but counts only chat completions as chatRequests', async () => {
    await postJson(fake, '/chat/completions', '{oops');
    await client.models.list();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'GET /v1/models']);
    expect(fake.requests[0]?.body).toBeUndefined();
    expect(fake.requests[0]?.rawBody).toBe('{oops');
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('resolves waitForRequests when the requests arrive, without answering first', async () => {
    fake.script({ hang: true }, { hang: true });
    const waiting = fake.waitForRequests(2);
    const calls = ['one', 'two'].map((text) =>
      client.chat.completions.create({ model: 'fake-model', messages: userSays(text) }).catch(() => undefined),
    );
    const requests = await waiting;
    expect(requests.map((r) => r.chat.userContent).sort()).toEqual(['one', 'two']);
    fake.reset();
    await Promise.all(calls);
  });

  it('rejects waitForRequests with a clear message on time-out', async () => {
    await expect(fake.waitForRequests(1, { timeoutMs: 20 })).rejects.toThrow(
      'fake-openai: expected 1 chat completion request(s) within 20 ms, got 0.',
    );
  });

  it('reset forgets requests, scripts and the default', async () => {
    fake.script({ content: 'scripted' });
    fake.setDefault({ content: 'default' });
    await client.models.list();
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    await expect(client.chat.completions.create({ model: 'fake-model', messages: userSays('Hi') })).rejects.toMatchObject({ status: 500 });
  });
});
