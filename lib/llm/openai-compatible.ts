import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { TokenUsage } from '../hyperalign/schema';
import type { LlmSettings } from '../settings/schema';
import { createConcurrencyGate } from './concurrency-gate';
import { testEndpointConnection } from './connection-test';
import {
  connectionLostError,
  contextTokensFromError,
  describeLlmFailure,
  type EndpointDescription,
  incompleteStreamError,
  isConnectionLost,
  isContextTooLong,
  isSamplerFailure,
  isSlotExhaustion,
  LlmError,
  noChatTemplateError,
} from './errors';
import { withoutSecret } from './redact-secret';
import { contextTokensFor, presetFor } from './presets';
import { checkedCompletion, checkedModelsPage, checkedStreamChunk } from './api-shapes';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry';
import { readInstalledModels, readServerContext, type ServerQuery } from './server-facts';
import { serverKindOf } from './server-kind';
import { extractJson, invalidOutputError, repairMessages, STRUCTURED_MODES, validateReply, withSchemaInstruction } from './structured';
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

/**
 * Whether a structured request's refusal means "not this way": servers word it in many ways
 * (llama.cpp: `400 "Failed to initialize samplers"`), so any 4xx or 501 counts, except the ones
 * that would fail the next mode just the same: key, address, rate limit, a prompt too long.
 */
function refusesStructuredMode(error: unknown): boolean {
  if (!(error instanceof APIError) || error.status === undefined) return false;
  if ([401, 403, 404, 429].includes(error.status) || isContextTooLong(error)) return false;
  return (error.status >= 400 && error.status < 500) || error.status === 501;
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
  const serverKind = serverKindOf(endpoint);
  const serverQuery = (signal?: AbortSignal): ServerQuery => ({
    kind: serverKind,
    baseURL: endpoint.baseURL,
    model: settings.model,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    signal,
  });
  /** OpenAI calls the cap `max_completion_tokens` (reasoning models refuse `max_tokens`); local servers know `max_tokens`. */
  const capOf = (maxTokens: number): { max_completion_tokens: number } | { max_tokens: number } =>
    serverKind === 'openai' ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };
  const gate = createConcurrencyGate();
  /** What the server said about its context, once asked (or once a context error told). */
  let serverContext: Promise<number | null> | null = null;
  /** Set when llama.cpp could not build a grammar: the weaker modes may then fail for the same reason. */
  let samplerFailure: unknown = null;
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

  /** Requests go through the gate, so that after slot exhaustion the retry (and every later call) runs alone. */
  const retryPolicy: RetryPolicy = {
    ...policy,
    onRetry: (info) => {
      if (isSlotExhaustion(info.error)) gate.serialize();
      policy.onRetry?.(info);
    },
  };

  function learnFrom(error: unknown): void {
    const nCtx = contextTokensFromError(error);
    if (nCtx) serverContext = Promise.resolve(nCtx);
  }

  async function send<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (missingKey) throw missingKey;
    try {
      return await withRetries(() => gate.run(request), retryPolicy, signal);
    } catch (error) {
      learnFrom(error);
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
              ...capOf(request.maxTokens),
              ...(sendTemperature ? { temperature: 0.2 } : {}),
              ...(responseFormat ? { response_format: responseFormat } : {}),
            },
            { signal: request.signal },
          ).then(checkedCompletion),
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
      const last = index === STRUCTURED_MODES.length - 1;
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await complete(request.messages, mode, request as StructuredRequest<unknown>);
      } catch (error) {
        const cause = error instanceof LlmError ? error.cause : error;
        if (!last && refusesStructuredMode(cause)) {
          if (isSamplerFailure(cause)) samplerFailure = cause;
          structuredFloor = index + 1;
          continue;
        }
        throw error;
      }
      usage = addUsage(usage, usageOf(completion));
      const choice = completion.choices[0];
      const content = choice?.message.content ?? '';
      // JSON mode that the server does not enforce returns plain text: the prompt-only mode reads it tolerantly.
      if (mode === 'json_object' && !extractJson(content).ok) {
        structuredFloor = index + 1;
        continue;
      }
      const first = validateReply(content, request.schema);
      if (first.ok) return { value: first.value, usage, mode, repaired: false };
      if (choice?.finish_reason === 'length') {
        if (samplerFailure) throw noChatTemplateError(samplerFailure);
        throw new LlmError(
          'The model’s answer was cut off before it was complete, so nothing was saved. Its context window may be too small: choose a larger model or set its context size in the options.',
          'invalid-output',
        );
      }
      const repair = await complete(repairMessages(request.messages, content, first.problem), mode, request as StructuredRequest<unknown>);
      usage = addUsage(usage, usageOf(repair));
      const second = validateReply(repair.choices[0]?.message.content ?? '', request.schema);
      if (second.ok) return { value: second.value, usage, mode, repaired: true };
      // The weaker modes only failed because the server could not constrain the answer: say why.
      if (samplerFailure) throw noChatTemplateError(samplerFailure);
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
              ...capOf(request.maxTokens),
              ...(sendTemperature && request.temperature !== undefined ? { temperature: request.temperature } : {}),
            },
            { signal: request.signal },
          ).then(checkedCompletion),
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
            () => sdk.chat.completions.create({ model: settings.model, messages: request.messages, ...capOf(request.maxTokens), stream: true }, { signal }),
            signal,
          );
          arm();
          for await (const chunk of stream) {
            arm();
            const choice = checkedStreamChunk(chunk).choices?.[0];
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

  async function listModels(signal?: AbortSignal): Promise<string[]> {
    if (missingKey) return [];
    const [listed, installed] = await Promise.all([
      sdk.models.list({ signal, timeout: 15_000 }).then(
        (page) => checkedModelsPage(page).data.map((model) => model.id),
        () => [] as string[],
      ),
      readInstalledModels(serverQuery(signal)),
    ]);
    return [...new Set([...listed, ...installed])].sort();
  }

  async function contextWindow(signal?: AbortSignal): Promise<number> {
    if (settings.contextTokens) return settings.contextTokens;
    serverContext ??= readServerContext(serverQuery(signal));
    return (await serverContext) ?? contextTokensFor(settings);
  }

  const testConnection = (signal?: AbortSignal): Promise<ConnectionReport> =>
    testEndpointConnection({
      sdk,
      endpoint,
      missingKey,
      explain,
      cap: capOf,
      listModels: () => sdk.models.list({ signal, timeout: 15_000 }).then((page) => checkedModelsPage(page).data.map((model) => model.id).sort()),
      timeoutMs,
      signal,
    });

  return {
    provider: settings.provider,
    model: settings.model,
    contextWindow,
    listModels,
    completeStructured,
    streamText,
    completeText,
    testConnection,
  };
}
