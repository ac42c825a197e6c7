import { z } from 'zod';
import type { LlmClient, StructuredRequest, StructuredResult, TextRequest, TextResult } from '../../lib/llm/types';
import { type AnswerCache, cacheKey } from './cache';

/** How many model answers a run needed, and how many of them the cache already had. */
export interface CallCounter {
  answers: number;
  fromCache: number;
}

export function newCallCounter(): CallCounter {
  return { answers: 0, fromCache: 0 };
}

const cachedStructuredSchema = z.object({ mode: z.enum(['json_schema', 'json_object', 'text']), value: z.unknown() });
const cachedTextSchema = z.object({ text: z.string() });

/**
 * The product's client with its answers cached, so a rerun resumes where it stopped. A cached
 * structured answer is validated against the request's schema again, so a changed schema makes
 * the call again rather than trust it.
 */
export function withAnswerCache(client: LlmClient, cache: AnswerCache, counter: CallCounter): LlmClient {
  async function completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    counter.answers++;
    const key = cacheKey({ kind: 'structured', model: client.model, schemaName: request.schemaName, messages: request.messages });
    const hit = cache.get(key);
    const stored = hit && cachedStructuredSchema.safeParse(hit.value);
    const value = stored?.success ? request.schema.safeParse(stored.data.value) : undefined;
    if (hit && stored?.success && value?.success) {
      counter.fromCache++;
      return { value: value.data, usage: hit.usage, mode: stored.data.mode, repaired: false };
    }
    const result = await client.completeStructured(request);
    await cache.put({ key, value: { mode: result.mode, value: result.value }, usage: result.usage });
    return result;
  }

  async function completeText(request: TextRequest): Promise<TextResult> {
    counter.answers++;
    const key = cacheKey({ kind: 'text', model: client.model, temperature: request.temperature, messages: request.messages });
    const hit = cache.get(key);
    const stored = hit && cachedTextSchema.safeParse(hit.value);
    if (hit && stored?.success) {
      counter.fromCache++;
      return { text: stored.data.text, usage: hit.usage };
    }
    const result = await client.completeText(request);
    await cache.put({ key, value: { text: result.text }, usage: result.usage });
    return result;
  }

  return {
    provider: client.provider,
    model: client.model,
    contextWindow: (signal) => client.contextWindow(signal),
    listModels: (signal) => client.listModels(signal),
    completeStructured,
    completeText,
    streamText: (request) => client.streamText(request),
    testConnection: (signal) => client.testConnection(signal),
  };
}
