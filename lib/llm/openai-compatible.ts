import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { LlmSettings } from '../settings/schema';
import { describeLlmFailure, LlmError } from './errors';
import type { LlmClient, StreamRequest, StructuredRequest, StructuredResult } from './types';

/** Local servers accept any key, but the SDK insists on one. */
const PLACEHOLDER_KEY = 'not-needed';

export function createOpenAICompatibleClient(settings: LlmSettings, apiKey: string | null): LlmClient {
  const endpoint = { baseURL: settings.baseURL, model: settings.model };
  const sdk = new OpenAI({
    baseURL: settings.baseURL,
    apiKey: apiKey || PLACEHOLDER_KEY,
    // The key never leaves the background service worker, which is the only place this runs.
    dangerouslyAllowBrowser: true,
    maxRetries: 2,
    timeout: 120_000,
  });

  async function completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await sdk.chat.completions.create(
        {
          model: settings.model,
          messages: request.messages,
          response_format: zodResponseFormat(request.schema as never, request.schemaName),
        },
        { signal: request.signal },
      );
    } catch (error) {
      throw describeLlmFailure(error, endpoint);
    }
    const content = completion.choices[0]?.message.content ?? '';
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw new LlmError('The model answered with something that is not JSON.', 'invalid-output', { cause: error });
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      throw new LlmError(`The model’s answer did not have the expected shape: ${parsed.error.message}`, 'invalid-output', {
        cause: parsed.error,
      });
    }
    return {
      value: parsed.data,
      usage: {
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      },
    };
  }

  async function* streamText(request: StreamRequest): AsyncIterable<string> {
    try {
      const stream = await sdk.chat.completions.create(
        { model: settings.model, messages: request.messages, stream: true },
        { signal: request.signal },
      );
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) yield delta;
      }
    } catch (error) {
      throw describeLlmFailure(error, endpoint);
    }
  }

  return { provider: settings.provider, model: settings.model, completeStructured, streamText };
}
