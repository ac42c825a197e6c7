import type { TokenUsage } from '../hyperalign/schema';
import { LlmError } from './errors';
import { presetFor } from './presets';
import { invalidOutputError, jsonSchemaOf, validateReply, withSchemaInstruction } from './structured';
import type { ChatMessage, ConnectionReport, LlmClient, StreamRequest, StructuredRequest, StructuredResult, TextRequest, TextResult } from './types';

/**
 * The slice of Chrome's Prompt API (the global `LanguageModel`) that Idiolect uses. Declared here
 * because TypeScript's DOM library does not have it yet; tests provide a fake with this shape.
 */
export type BuiltInAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface BuiltInPromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface BuiltInPromptOptions {
  responseConstraint?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface BuiltInSession {
  prompt(input: string, options?: BuiltInPromptOptions): Promise<string>;
  promptStreaming(input: string, options?: BuiltInPromptOptions): ReadableStream<string>;
  measureContextUsage?(input: string, options?: BuiltInPromptOptions): Promise<number>;
  measureInputUsage?(input: string, options?: BuiltInPromptOptions): Promise<number>;
  readonly contextUsage?: number;
  readonly inputUsage?: number;
  readonly contextWindow?: number;
  readonly inputQuota?: number;
  destroy(): void;
}

export interface BuiltInLanguageModel {
  availability(): Promise<BuiltInAvailability>;
  create(options?: {
    initialPrompts?: BuiltInPromptMessage[];
    signal?: AbortSignal;
    /** Receives an event target that fires `downloadprogress` ({ loaded: 0…1 }) while the model downloads. */
    monitor?: (monitor: EventTarget) => void;
  }): Promise<BuiltInSession>;
}

/** The browser's on-device model, where there is one (Chrome with the Prompt API, extension contexts). */
export function findBuiltInLanguageModel(scope: object = globalThis): BuiltInLanguageModel | null {
  const candidate = (scope as { LanguageModel?: unknown }).LanguageModel;
  if (typeof candidate !== 'function' && typeof candidate !== 'object') return null;
  const model = candidate as Partial<BuiltInLanguageModel> | null;
  return model && typeof model.availability === 'function' && typeof model.create === 'function'
    ? (model as BuiltInLanguageModel)
    : null;
}

/** 'unavailable' when the browser has no Prompt API at all, or it says so. */
export async function builtInAvailability(model: BuiltInLanguageModel | null = findBuiltInLanguageModel()): Promise<BuiltInAvailability> {
  if (!model) return 'unavailable';
  try {
    return await model.availability();
  } catch {
    return 'unavailable';
  }
}

function describeBuiltInFailure(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'AbortError':
      return new LlmError('Cancelled.', 'cancelled', { cause: error });
    case 'QuotaExceededError':
      return new LlmError(
        'The text is longer than the browser’s on-device model can read at once. Use a shorter draft, or a provider with a larger model.',
        'context-too-long',
        { cause: error },
      );
    case 'NotAllowedError':
      return new LlmError(
        'Chrome did not let Idiolect start its on-device model (it may be turned off, or need a click to start downloading). Open Idiolect’s options and press “Test connection”.',
        'forbidden',
        { cause: error },
      );
    case 'NotSupportedError':
      return new LlmError(
        'The browser’s on-device model cannot handle this request (its language or format). Choose another provider in the options.',
        'unsupported',
        { cause: error },
      );
    default:
      return new LlmError(
        `The browser’s on-device model failed: ${error instanceof Error ? error.message : String(error)}`,
        'server',
        { cause: error },
      );
  }
}

function estimate(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Everything but the last user message primes the session; the last one is the prompt. */
function splitConversation(messages: ChatMessage[]): { initialPrompts: BuiltInPromptMessage[]; input: string } {
  const lastUser = messages.map((message) => message.role).lastIndexOf('user');
  if (lastUser < 0) throw new LlmError('Nothing to ask the model.', 'bad-request');
  return {
    initialPrompts: messages.filter((_, index) => index !== lastUser).map(({ role, content }) => ({ role, content })),
    input: messages[lastUser]!.content,
  };
}

export function createChromeBuiltInClient(model: BuiltInLanguageModel | null = findBuiltInLanguageModel()): LlmClient {
  const contextTokens = presetFor('chrome-builtin').defaultContextTokens;

  async function ready(): Promise<BuiltInLanguageModel> {
    const availability = await builtInAvailability(model);
    if (!model || availability === 'unavailable') {
      throw new LlmError(
        'This browser has no on-device model (Chrome’s built-in AI is missing or turned off). Choose another provider in Idiolect’s options.',
        'unsupported',
      );
    }
    if (availability === 'downloading') {
      throw new LlmError('Chrome is still downloading its on-device model. Try again when the download has finished.', 'unreachable');
    }
    return model;
  }

  async function open(messages: ChatMessage[], signal?: AbortSignal): Promise<{ session: BuiltInSession; input: string; primed: number }> {
    const factory = await ready();
    const { initialPrompts, input } = splitConversation(messages);
    try {
      const session = await factory.create({ initialPrompts, ...(signal ? { signal } : {}) });
      const primed = session.contextUsage ?? session.inputUsage ?? initialPrompts.reduce((sum, m) => sum + estimate(m.content), 0);
      return { session, input, primed };
    } catch (error) {
      throw describeBuiltInFailure(error);
    }
  }

  async function measure(session: BuiltInSession, input: string): Promise<number> {
    try {
      return (await (session.measureContextUsage ?? session.measureInputUsage)?.call(session, input)) ?? estimate(input);
    } catch {
      return estimate(input);
    }
  }

  async function completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    // Chrome enforces a subset of JSON Schema and rejects keys it does not know; `$schema` is not needed.
    const { $schema: _dialect, ...constraint } = jsonSchemaOf(request.schema);
    // The schema is also put in words: the constraint shapes the output, the words explain it.
    const { session, input, primed } = await open(withSchemaInstruction(request.messages, request.schema, 'text'), request.signal);
    const usage: TokenUsage = { promptTokens: primed, completionTokens: 0 };
    try {
      const ask = async (text: string) => {
        usage.promptTokens += await measure(session, text);
        const answer = await session.prompt(text, { responseConstraint: constraint, ...(request.signal ? { signal: request.signal } : {}) });
        usage.completionTokens += estimate(answer);
        return answer;
      };
      const first = await ask(input);
      const firstCheck = validateReply(first, request.schema);
      if (firstCheck.ok) return { value: firstCheck.value, usage, mode: 'json_schema', repaired: false };
      // The session remembers its own answer, so the repair turn only needs the problem.
      const second = await ask(
        `Your answer could not be used. ${firstCheck.problem}\nAnswer again with the corrected JSON object only, following the same instructions and schema.`,
      );
      const secondCheck = validateReply(second, request.schema);
      if (secondCheck.ok) return { value: secondCheck.value, usage, mode: 'json_schema', repaired: true };
      throw invalidOutputError(secondCheck.problem);
    } catch (error) {
      throw describeBuiltInFailure(error);
    } finally {
      session.destroy();
    }
  }

  async function completeText(request: TextRequest): Promise<TextResult> {
    const { session, input, primed } = await open(request.messages, request.signal);
    try {
      const promptTokens = primed + (await measure(session, input));
      const text = await session.prompt(input, request.signal ? { signal: request.signal } : {});
      return { text, usage: { promptTokens, completionTokens: estimate(text) } };
    } catch (error) {
      throw describeBuiltInFailure(error);
    } finally {
      session.destroy();
    }
  }

  async function* streamText(request: StreamRequest): AsyncIterable<string> {
    const { session, input } = await open(request.messages, request.signal);
    try {
      const reader = session.promptStreaming(input, request.signal ? { signal: request.signal } : {}).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          // Text already buffered when the person pressed Stop is not shown.
          if (request.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
          if (done) break;
          if (value) yield value;
        }
      } finally {
        void reader.cancel().catch(() => undefined);
      }
    } catch (error) {
      throw describeBuiltInFailure(error);
    } finally {
      session.destroy();
    }
  }

  async function testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const availability = await builtInAvailability(model);
    if (availability === 'unavailable') {
      return { ok: false, message: 'This browser has no on-device model. Choose another provider.', models: [] };
    }
    if (availability === 'downloading') {
      return { ok: false, message: 'Chrome is downloading its on-device model. Test again when it has finished.', models: ['gemini-nano'] };
    }
    try {
      const started = Date.now();
      const { session, input } = await open([{ role: 'user', content: 'Reply with the single word: ready' }], signal);
      try {
        const said = (await session.prompt(input, signal ? { signal } : {})).trim().slice(0, 40);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        return {
          ok: true,
          message: `Connected. The browser’s on-device model answered in ${seconds} s${said ? ` (“${said}”)` : ''}.`,
          models: ['gemini-nano'],
        };
      } finally {
        session.destroy();
      }
    } catch (error) {
      return { ok: false, message: describeBuiltInFailure(error).message, models: [] };
    }
  }

  return {
    provider: 'chrome-builtin',
    model: 'gemini-nano',
    contextWindow: async () => contextTokens,
    // The browser has one on-device model; there is nothing to pick.
    listModels: async () => [],
    completeStructured,
    streamText,
    completeText,
    testConnection,
  };
}
