import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LlmClient } from '../llm/types';
import { createWorkerKeepAlive, KEEP_ALIVE_INTERVAL_MS, keepingWorkerAlive } from './worker-keep-alive';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A model that answers only when the test says so, like a local model still loading. */
function slowClient() {
  const answer = deferred<void>();
  const firstToken = deferred<void>();
  const client: LlmClient = {
    provider: 'llamacpp',
    model: 'slow',
    contextWindow: async () => 4096,
    listModels: async () => [],
    completeStructured: async () => {
      await answer.promise;
      return { value: {} as never, usage: { promptTokens: 1, completionTokens: 1 }, mode: 'json_schema', repaired: false };
    },
    completeText: async () => {
      await answer.promise;
      return { text: 'ok', usage: { promptTokens: 1, completionTokens: 1 } };
    },
    testConnection: async () => {
      await answer.promise;
      return { ok: true, message: 'Connected.', models: [] };
    },
    async *streamText() {
      await firstToken.promise;
      yield 'Hello';
      await answer.promise;
      yield ' there';
    },
  };
  return { client, answer, firstToken };
}

describe('keeping the worker alive while a model thinks', () => {
  let ping: ReturnType<typeof vi.fn<() => Promise<unknown>>>;

  beforeEach(() => {
    vi.useFakeTimers();
    ping = vi.fn(() => Promise.resolve());
  });
  afterEach(() => vi.useRealTimers());

  it.each(['completeStructured', 'completeText', 'testConnection'] as const)(
    '%s pings through a 110 s wait, and stops pinging once the answer is in',
    async (method) => {
      const { client, answer } = slowClient();
      const kept = keepingWorkerAlive(client, createWorkerKeepAlive(ping));
      const call =
        method === 'completeStructured'
          ? kept.completeStructured({ messages: [], schema: {} as never, schemaName: 's', maxTokens: 100 })
          : method === 'completeText'
            ? kept.completeText({ messages: [], maxTokens: 100 })
            : kept.testConnection();
      await vi.advanceTimersByTimeAsync(110_000);
      expect(ping).toHaveBeenCalledTimes(Math.floor(110_000 / KEEP_ALIVE_INTERVAL_MS));
      answer.resolve();
      await call;
      ping.mockClear();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(ping).not.toHaveBeenCalled();
    },
  );

  it('streamText pings before the first token and through a pause mid-stream, and stops when the stream ends', async () => {
    const { client, answer, firstToken } = slowClient();
    const kept = keepingWorkerAlive(client, createWorkerKeepAlive(ping));
    const received: string[] = [];
    const reading = (async () => {
      for await (const delta of kept.streamText({ messages: [], maxTokens: 100 })) received.push(delta);
    })();
    await vi.advanceTimersByTimeAsync(110_000);
    expect(ping).toHaveBeenCalledTimes(5);
    firstToken.resolve();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(received).toEqual(['Hello']);
    expect(ping).toHaveBeenCalledTimes(8);
    answer.resolve();
    await reading;
    expect(received).toEqual(['Hello', ' there']);
    ping.mockClear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('stops when the reader abandons the stream (the popup closed)', async () => {
    const { client, firstToken } = slowClient();
    const kept = keepingWorkerAlive(client, createWorkerKeepAlive(ping));
    firstToken.resolve();
    for await (const delta of kept.streamText({ messages: [], maxTokens: 100 })) {
      expect(delta).toBe('Hello');
      break;
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('runs one timer for calls that overlap, until the last one settles, and survives a failed ping', async () => {
    ping.mockRejectedValue(new Error('Extension context invalidated.'));
    const keepAlive = createWorkerKeepAlive(ping);
    const first = deferred<string>();
    const second = deferred<string>();
    const both = [keepAlive.during(first.promise), keepAlive.during(second.promise)];
    await vi.advanceTimersByTimeAsync(40_000);
    expect(ping).toHaveBeenCalledTimes(2);
    first.resolve('a');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ping).toHaveBeenCalledTimes(3);
    second.reject(new Error('model failed'));
    await expect(both[1]).rejects.toThrow('model failed');
    await expect(both[0]).resolves.toBe('a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });
});
