import { z } from 'zod';
import OpenAI from 'openai';
import type { TokenUsage } from '../hyperalign/schema';
import { describeLlmFailure } from '../llm/errors';
import { DEFAULT_RETRY_POLICY, withRetries } from '../llm/retry';
import type { ChatMessage, LlmClient, StructuredRequest, StructuredResult } from '../llm/types';
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

/**
 * The product's client with its structured answers cached. A cached answer is validated against
 * the request's schema again, so a changed schema makes the call again rather than trust it.
 */
export function withStructuredCache(client: LlmClient, cache: AnswerCache, counter: CallCounter): LlmClient {
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
  return {
    provider: client.provider,
    model: client.model,
    contextTokens: client.contextTokens,
    completeStructured,
    streamText: (request) => client.streamText(request),
    testConnection: (signal) => client.testConnection(signal),
  };
}

export interface TextGeneration {
  text: string;
  usage: TokenUsage;
}

export type GenerateText = (messages: ChatMessage[], signal?: AbortSignal) => Promise<TextGeneration>;

export interface TextEndpoint {
  baseURL: string;
  model: string;
  apiKey: string | null;
  temperature: number;
  timeoutMs: number;
}

const cachedTextSchema = z.object({ text: z.string() });

/**
 * Plain-text generation with token usage and a fixed temperature, which the product's streaming
 * call does not report or set; errors are explained with the product's own descriptions.
 */
export function createTextGenerator(endpoint: TextEndpoint, cache: AnswerCache, counter: CallCounter): GenerateText {
  const baseURL = endpoint.baseURL.replace(/\/+$/, '');
  const sdk = new OpenAI({ baseURL, apiKey: endpoint.apiKey || 'not-needed', maxRetries: 0, timeout: endpoint.timeoutMs });
  const described = { provider: 'custom', baseURL, model: endpoint.model };
  return async (messages, signal) => {
    counter.answers++;
    const key = cacheKey({ kind: 'text', model: endpoint.model, temperature: endpoint.temperature, messages });
    const hit = cache.get(key);
    const stored = hit && cachedTextSchema.safeParse(hit.value);
    if (hit && stored?.success) {
      counter.fromCache++;
      return { text: stored.data.text, usage: hit.usage };
    }
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await withRetries(
        () => sdk.chat.completions.create({ model: endpoint.model, messages, temperature: endpoint.temperature }, { signal }),
        DEFAULT_RETRY_POLICY,
        signal,
      );
    } catch (error) {
      throw describeLlmFailure(error, described);
    }
    const text = completion.choices[0]?.message.content ?? '';
    const usage = { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 };
    await cache.put({ key, value: { text }, usage });
    return { text, usage };
  };
}
