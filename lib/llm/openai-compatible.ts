import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { TokenUsage } from '../hyperalign/schema';
import type { LlmSettings } from '../settings/schema';
import { connectionLostError, describeLlmFailure, type EndpointDescription, incompleteStreamError, isConnectionLost, LlmError } from './errors';
import { withoutSecret } from './redact-secret';
import { contextTokensFor, presetFor } from './presets';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry';
import { invalidOutputError, repairMessages, STRUCTURED_MODES, validateReply, withSchemaInstruction } from './structured';
import type {
  ChatMessage,
  ConnectionReport,
  LlmClient,
  StreamRequest,
  StructuredMode,
  StructuredRequest,
  StructuredResult,
  TextRequest,
  TextResult,
} from './types';

/** Local servers accept any key, but the SDK insists on one. */
const PLACEHOLDER_KEY = 'not-needed';

export interface OpenAICompatibleOptions {
  /** Replaces the global fetch (tests use it to act like a browser that blocks a reply). */
  fetch?: typeof fetch;
  /** Whether anything answers at an address; tells CORS apart from a server that is down. */
  probe?: (url: string) => Promise<boolean>;
  /** A request (or a stream that goes quiet) taking longer than this fails as a time-out. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** `chrome-extension://<id>`, for advice that names the origin to allow. */
  extensionOrigin?: string | null;
}

/**
 * A fetch in `no-cors` mode succeeds (opaquely) whenever a server answers, even one that sends no
 * CORS headers, and fails only when nothing answers: exactly the distinction a person needs.
 */
export async function probeReachable(url: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    await fetchImpl(url, { mode: 'no-cors', signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

function usageOf(completion: { usage?: { prompt_tokens?: number; completion_tokens?: number } | null }): TokenUsage {
  return { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 };
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}

/** A server that does not know a response_format answers 400/422/501 and usually names it. */
function rejectsResponseFormat(error: unknown): boolean {
  if (!(error instanceof APIError) || ![400, 422, 501].includes(error.status ?? 0)) return false;
  if (error.param === 'response_format') return true;
  return /response_format|json_schema|json_object|json mode|structured|grammar|\bformat\b/i.test(error.message);
}

function rejectsTemperature(error: unknown): boolean {
  return error instanceof APIError && error.status === 400 && (error.param === 'temperature' || /temperature/i.test(error.message));
}

export function createOpenAICompatibleClient(
  settings: LlmSettings,
  apiKey: string | null,
  options: OpenAICompatibleOptions = {},
): LlmClient {
  const endpoint: EndpointDescription = {
    provider: settings.provider,
    baseURL: settings.baseURL.replace(/\/+$/, ''),
    model: settings.model,
    extensionOrigin: options.extensionOrigin ?? null,
  };
  const timeoutMs = options.timeoutMs ?? 120_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sdk = new OpenAI({
    baseURL: endpoint.baseURL,
    apiKey: apiKey || PLACEHOLDER_KEY,
    // The key never leaves the background service worker, which is the only place this runs.
    dangerouslyAllowBrowser: true,
    // Retries are ours (lib/llm/retry.ts): they honour Retry-After and tell the person.
    maxRetries: 0,
    timeout: timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const probe = options.probe ?? ((url: string) => probeReachable(url, options.fetch));
  /** The strongest structured mode this endpoint accepted; weaker ones are only tried after a refusal. */
  let structuredFloor = 0;
  /** Reasoning models (o-series, gpt-5) refuse any temperature but their own; then none is sent. */
  let sendTemperature = true;

  async function explain(error: unknown): Promise<LlmError> {
    const connectionFailed = error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError);
    const reachable = connectionFailed ? await probe(`${endpoint.baseURL}/models`) : undefined;
    return withoutSecret(describeLlmFailure(error, endpoint, reachable), apiKey);
  }

  /** OpenAI always needs a key: say so instead of sending a request bound to fail. */
  const missingKey =
    !apiKey && presetFor(settings.provider).needsApiKey
      ? new LlmError('Idiolect needs an OpenAI API key: add one in Idiolect’s options, or choose a local or on-device model.', 'auth')
      : null;

  async function send<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (missingKey) throw missingKey;
    try {
      return await withRetries(request, policy, signal);
    } catch (error) {
      throw await explain(error);
    }
  }

  async function complete(messages: ChatMessage[], mode: StructuredMode, request: StructuredRequest<unknown>) {
    const responseFormat =
      mode === 'json_schema'
        ? zodResponseFormat(request.schema as never, request.schemaName)
        : mode === 'json_object'
          ? ({ type: 'json_object' } as const)
          : undefined;
    const attempt = () =>
      send(
        () =>
          sdk.chat.completions.create(
            {
              model: settings.model,
              messages: withSchemaInstruction(messages, request.schema, mode),
              ...(sendTemperature ? { temperature: 0.2 } : {}),
              ...(responseFormat ? { response_format: responseFormat } : {}),
            },
            { signal: request.signal },
          ),
        request.signal,
      );
    try {
      return await attempt();
    } catch (error) {
      if (!sendTemperature || !rejectsTemperature(error instanceof LlmError ? error.cause : error)) throw error;
      sendTemperature = false;
      return attempt();
    }
  }

  async function completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    let usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
    for (let index = structuredFloor; index < STRUCTURED_MODES.length; index++) {
      const mode = STRUCTURED_MODES[index]!;
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await complete(request.messages, mode, request as StructuredRequest<unknown>);
      } catch (error) {
        const cause = error instanceof LlmError ? error.cause : error;
        if (index < STRUCTURED_MODES.length - 1 && rejectsResponseFormat(cause)) {
          structuredFloor = index + 1;
          continue;
        }
        throw error;
      }
      usage = addUsage(usage, usageOf(completion));
      const choice = completion.choices[0];
      const content = choice?.message.content ?? '';
      const first = validateReply(content, request.schema);
      if (first.ok) return { value: first.value, usage, mode, repaired: false };
      if (choice?.finish_reason === 'length') {
        throw new LlmError(
          'The model’s answer was cut off before it was complete, so nothing was saved. Its context window may be too small: choose a larger model or set its context size in the options.',
          'invalid-output',
        );
      }
      const repair = await complete(repairMessages(request.messages, content, first.problem), mode, request as StructuredRequest<unknown>);
      usage = addUsage(usage, usageOf(repair));
      const second = validateReply(repair.choices[0]?.message.content ?? '', request.schema);
      if (second.ok) return { value: second.value, usage, mode, repaired: true };
      throw invalidOutputError(second.problem);
    }
    throw new LlmError('The endpoint accepts no way of asking for structured answers.', 'unsupported');
  }

  async function completeText(request: TextRequest): Promise<TextResult> {
    const attempt = () =>
      send(
        () =>
          sdk.chat.completions.create(
            {
              model: settings.model,
              messages: request.messages,
              ...(sendTemperature && request.temperature !== undefined ? { temperature: request.temperature } : {}),
            },
            { signal: request.signal },
          ),
        request.signal,
      );
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await attempt();
    } catch (error) {
      if (!sendTemperature || !rejectsTemperature(error instanceof LlmError ? error.cause : error)) throw error;
      sendTemperature = false;
      completion = await attempt();
    }
    return { text: completion.choices[0]?.message.content ?? '', usage: usageOf(completion) };
  }

  async function* streamText(request: StreamRequest): AsyncIterable<string> {
    // A stream that goes quiet for too long is cut, and reported as a time-out.
    const quiet = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, quiet.signal]) : quiet.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => quiet.abort(), timeoutMs);
    };
    let receivedText = false;
    let finishReason: string | null = null;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const stream = await send(
            () => sdk.chat.completions.create({ model: settings.model, messages: request.messages, stream: true }, { signal }),
            signal,
          );
          arm();
          for await (const chunk of stream) {
            arm();
            const choice = chunk.choices[0];
            const delta = choice?.delta?.content;
            if (delta) {
              receivedText = true;
              yield delta;
            }
            if (choice?.finish_reason) finishReason = choice.finish_reason;
          }
          break;
        } catch (error) {
          // Nothing was shown yet, so asking again cannot repeat text: one more try.
          if (isConnectionLost(error) && !receivedText && attempt < Math.min(1, policy.maxRetries) && !signal.aborted) continue;
          throw error;
        }
      }
    } catch (error) {
      if (quiet.signal.aborted && !request.signal?.aborted) {
        throw new LlmError(`The model at ${endpoint.baseURL} stopped sending text and did not finish in time.`, 'timeout', { cause: error });
      }
      if (isConnectionLost(error)) throw connectionLostError(endpoint, error, receivedText);
      throw error instanceof LlmError ? error : await explain(error);
    } finally {
      clearTimeout(timer);
    }
    const incomplete = incompleteStreamError(endpoint, finishReason, receivedText);
    if (incomplete) throw incomplete;
  }

  async function testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    if (missingKey) return { ok: false, message: missingKey.message, models: [] };
    let models: string[] = [];
    try {
      const page = await sdk.models.list({ signal, timeout: 15_000 });
      models = page.data.map((model) => model.id).sort();
    } catch (error) {
      // Some servers do not list models; anything else (key, address, CORS) is the answer.
      if (!(error instanceof APIError && error.status === 404)) {
        return { ok: false, message: (await explain(error)).message, models: [] };
      }
    }
    if (models.length > 0 && !models.includes(settings.model) && settings.provider !== 'llamacpp') {
      const offered = models.slice(0, 8).join(', ') + (models.length > 8 ? `, and ${models.length - 8} more` : '');
      return {
        ok: false,
        message: `Connected to ${endpoint.baseURL}, but it has no model named “${settings.model}”. It offers: ${offered}.`,
        models,
      };
    }
    const started = Date.now();
    try {
      const reply = await sdk.chat.completions.create(
        { model: settings.model, messages: [{ role: 'user', content: 'Reply with the single word: ready' }] },
        { signal, timeout: timeoutMs },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const said = (reply.choices[0]?.message.content ?? '').trim().slice(0, 40);
      return {
        ok: true,
        message: `Connected. “${settings.model}” answered in ${seconds} s${said ? ` (“${said}”)` : ''}.${
          models.length > 0 ? ` The server offers ${models.length} model${models.length === 1 ? '' : 's'}.` : ''
        }`,
        models,
      };
    } catch (error) {
      return { ok: false, message: (await explain(error)).message, models };
    }
  }

  return {
    provider: settings.provider,
    model: settings.model,
    contextTokens: contextTokensFor(settings),
    completeStructured,
    streamText,
    completeText,
    testConnection,
  };
}
