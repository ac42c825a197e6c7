import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DialectName, startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../../tests/support/fake-openai';
import type { LlmSettings, ProviderId } from '../settings/schema';
import { LlmError } from './errors';
import { createOpenAICompatibleClient } from './openai-compatible';
import type { LlmClient } from './types';

const answerSchema = z.object({ greeting: z.string().min(1), count: z.number().int() });
const MODEL_PATH = '/models/llama-2-tiny-random.gguf';

let fake: FakeOpenAI | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function serve(dialect: DialectName, options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  fake = await startFakeOpenAI({ dialect, strictModels: true, ...options });
  return fake;
}

function client(server: FakeOpenAI, provider: ProviderId, patch: Partial<LlmSettings> = {}): LlmClient {
  return createOpenAICompatibleClient(
    { provider, baseURL: server.baseURL, model: 'tiny', contextTokens: null, ...patch },
    null,
    { retry: { sleep: async () => {}, maxRetries: 2 } },
  );
}

function ask(llm: LlmClient) {
  return llm.completeStructured({ messages: [{ role: 'user', content: 'Say hello.' }], schema: answerSchema, schemaName: 'hello', maxTokens: 50 });
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

async function collect(stream: AsyncIterable<string>): Promise<{ text: string; error: unknown }> {
  let text = '';
  try {
    for await (const piece of stream) text += piece;
    return { text, error: null };
  } catch (error) {
    return { text, error };
  }
}

describe('structured output on servers that enforce less than OpenAI', () => {
  it('moves on from a 400 it does not recognise (llama.cpp’s sampler failure), and from JSON mode that came back as plain text', async () => {
    const server = await serve('llamacpp', { chatTemplate: false, models: [MODEL_PATH] });
    server.script({ content: 'Sure. greeting hello count three' }, { content: '{"greeting": "hello", "count": 3}' });
    expect(await ask(client(server, 'llamacpp'))).toMatchObject({ value: { greeting: 'hello', count: 3 }, mode: 'text' });
    expect(server.chatRequests.map((request) => request.chat.responseFormat?.type ?? 'text')).toEqual(['json_schema', 'json_object', 'text']);
  });

  it('says in words that the server lacks a chat template when no weaker mode gives a usable answer', async () => {
    const server = await serve('llamacpp', { chatTemplate: false, models: [MODEL_PATH] });
    server.setDefault({ content: 'gibberish without any braces' });
    const error = await failureOf(ask(client(server, 'llamacpp')));
    expect(error.message).toMatch(/no chat template for its model.*--chat-template/);
    expect(error.message).not.toMatch(/std::exception$/);
  });

  it('does not fall back on a key, address or rate-limit refusal', async () => {
    const server = await serve('llamacpp');
    server.script({ error: { status: 429, headers: { 'retry-after': '600' } } });
    const error = await failureOf(ask(client(server, 'llamacpp')));
    expect(error.code).toBe('rate-limit');
    expect(server.chatRequests).toHaveLength(1);
  });
});

describe('every call carries a cap sized to its purpose', () => {
  it('sends max_tokens to local servers and max_completion_tokens to OpenAI', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH] });
    server.setDefault({ json: { greeting: 'hi', count: 1 } });
    const llm = client(server, 'llamacpp');
    await ask(llm);
    await llm.completeText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 77 });
    await collect(llm.streamText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 99 }));
    await llm.testConnection();
    expect(server.chatRequests.map((request) => (request.body as { max_tokens?: number }).max_tokens)).toEqual([50, 77, 99, 8]);

    const openai = createOpenAICompatibleClient({ provider: 'openai', baseURL: server.baseURL, model: 'tiny', contextTokens: null }, 'sk-x');
    await openai.completeText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 33 });
    expect(server.chatRequests.at(-1)!.body).toMatchObject({ max_completion_tokens: 33 });
  });
});

describe('context size, where each server tells it', () => {
  it('llama.cpp: n_ctx from /v1/models, whatever name the model is asked by', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH], contextTokens: 2048 });
    expect(await client(server, 'llamacpp').contextWindow()).toBe(2048);
  });

  it('Ollama: the loaded model’s context from /api/ps', async () => {
    const server = await serve('ollama', { models: ['llama3.1'], contextTokens: 16_384 });
    expect(await client(server, 'ollama', { model: 'llama3.1' }).contextWindow()).toBe(16_384);
  });

  it('LM Studio: the loaded instance’s context from its models API', async () => {
    const server = await serve('lmstudio', { models: ['qwen2.5-7b-instruct'], contextTokens: 8192 });
    expect(await client(server, 'lmstudio', { model: 'qwen2.5-7b-instruct' }).contextWindow()).toBe(8192);
  });

  it('the person’s own setting wins, and a server that says nothing leaves the preset', async () => {
    const server = await serve('openai', { models: ['tiny'] });
    expect(await client(server, 'custom', { contextTokens: 3000 }).contextWindow()).toBe(3000);
    expect(await client(server, 'custom').contextWindow()).toBe(8192);
  });
});

describe('context errors name what the person can change on that server', () => {
  it.each([
    ['llamacpp', 'llamacpp', /-c 8192/],
    ['lmstudio', 'lmstudio', /LM Studio with a larger Context Length/],
    ['openai', 'custom', /larger context/],
  ] as const)('%s', async (dialect, provider, advice) => {
    const server = await serve(dialect, { models: ['tiny'] });
    server.script({ contextExceeded: true });
    const error = await failureOf(ask(client(server, provider)));
    expect(error.code).toBe('context-too-long');
    expect(error.message).toMatch(advice);
  });

  it('llama.cpp’s context error tells the context, which later budgets use', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH], contextTokens: 1024 });
    server.script({ contextExceeded: true });
    const llm = client(server, 'custom', { baseURL: server.baseURL });
    await failureOf(ask(llm));
    expect(await llm.contextWindow()).toBe(1024);
  });
});

describe('parallel slots that share one context (llama-server)', () => {
  it('is retried one request at a time, not reported as a server fault', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH] });
    server.script({ slotsExhausted: true }, { json: { greeting: 'hi', count: 1 } });
    expect((await ask(client(server, 'llamacpp'))).value.greeting).toBe('hi');
  });

  it('when it persists, says it is the context and what to change', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH] });
    server.setDefault({ slotsExhausted: true });
    const error = await failureOf(ask(client(server, 'llamacpp')));
    expect(error.code).toBe('context-too-long');
    expect(error.message).toMatch(/several requests at once.*-c 8192/);
  });
});

describe('an error inside a stream', () => {
  it.each(['llamacpp', 'openai'] as const)('%s: the text so far is kept and the server’s own message is shown', async (dialect) => {
    const server = await serve(dialect, { models: ['tiny'] });
    server.script({ after: 'Hi team, the demo', streamError: 'Context size has been exceeded.' });
    const { text, error } = await collect(client(server, dialect === 'openai' ? 'custom' : dialect).streamText({ messages: [{ role: 'user', content: 'go' }], maxTokens: 50 }));
    expect(text).toBe('Hi team, the demo');
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toContain('Context size has been exceeded.');
  });
});

describe('model names', () => {
  it('llama.cpp answers to any name: the test connects, and says which name it listed', async () => {
    const server = await serve('llamacpp', { models: [MODEL_PATH] });
    server.script({ content: 'ready' });
    const report = await client(server, 'custom').testConnection();
    expect(report).toMatchObject({ ok: true, models: [MODEL_PATH] });
    expect(report.message).toContain(`lists ${MODEL_PATH}, and accepted “tiny”`);
  });

  it('the picker lists what /v1/models offers and Ollama’s installed models', async () => {
    const server = await serve('ollama', { models: ['llama3.1', 'qwen2.5:7b'] });
    expect(await client(server, 'ollama').listModels()).toEqual(['llama3.1:latest', 'qwen2.5:7b']);
  });
});
