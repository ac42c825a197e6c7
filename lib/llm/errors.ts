import { NotAnApiAnswerError } from './api-shapes';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { type ServerKind, serverKindOf } from './server-kind';

export type LlmErrorCode =
  | 'auth'
  | 'not-found'
  | 'unknown-model'
  | 'forbidden'
  | 'ollama-origin'
  | 'cors'
  | 'rate-limit'
  | 'quota'
  | 'timeout'
  | 'unreachable'
  | 'connection-lost'
  | 'not-an-api'
  | 'incomplete'
  | 'truncated'
  | 'empty'
  | 'bad-request'
  | 'context-too-long'
  | 'server'
  | 'invalid-output'
  | 'unsupported'
  | 'cancelled';

/** An error whose message a person can act on; `cause` keeps the technical detail for debugging. */
export class LlmError extends Error {
  constructor(
    message: string,
    readonly code: LlmErrorCode,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = 'LlmError';
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** For rate limits: how long the endpoint asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
}

export interface EndpointDescription {
  provider: string;
  baseURL: string;
  model: string;
  /** `chrome-extension://<id>` when running in the extension; used in the Ollama advice. */
  extensionOrigin?: string | null;
}

/**
 * The connection broke after the server had started to answer: the body stopped arriving. The
 * browser says "network error" (Chrome) or "Failed to fetch", Node's fetch "terminated". A
 * request that never connected is an APIConnectionError instead.
 */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof APIError || !(error instanceof Error)) return false;
  // fetch reports a lost connection as a TypeError, but so does a bug reading a field: only the wording tells them apart.
  return /network ?error|failed to fetch|fetch failed|load failed|terminated|econnreset|socket hang up|premature close|unexpected end of json/i.test(error.message);
}

/** Whether a failed request is worth sending again after a pause. */
export function isRetryable(error: unknown): boolean {
  // A completion asked again costs tokens but changes nothing; a stream is never retried whole here.
  if (isConnectionLost(error)) return true;
  if (!(error instanceof APIError) || error instanceof APIUserAbortError || error instanceof APIConnectionError) return false;
  if (error.headers?.get('x-should-retry') === 'false') return false;
  if (error.status === 429) return error.code !== 'insufficient_quota';
  return error.status === 408 || error.status === 409 || (error.status !== undefined && error.status >= 500);
}

/** The wait an error response asks for (`retry-after-ms`, `Retry-After` in seconds or as a date), if any. */
export function retryAfterMsOf(error: unknown, now = Date.now()): number | undefined {
  if (!(error instanceof APIError) || !error.headers) return undefined;
  const millis = Number.parseFloat(error.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const header = error.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function looksLikeOllama(endpoint: EndpointDescription): boolean {
  if (endpoint.provider === 'ollama') return true;
  try {
    return new URL(endpoint.baseURL).port === '11434';
  } catch {
    return false;
  }
}

export function ollamaOriginAdvice(extensionOrigin: string | null | undefined): string {
  const origin = extensionOrigin || 'chrome-extension://*';
  return (
    `Ollama refused the request (403) because it only answers browser extensions it was told to trust. ` +
    `Set the environment variable OLLAMA_ORIGINS=${origin} for Ollama and restart it ` +
    `(Linux: "sudo systemctl edit ollama", add Environment="OLLAMA_ORIGINS=${origin}", then restart the service; ` +
    `macOS: launchctl setenv OLLAMA_ORIGINS "${origin}" and reopen Ollama; ` +
    `Windows: add OLLAMA_ORIGINS to your user environment variables and reopen Ollama).`
  );
}

/** An error response's own message without the SDK's "400 " prefix, for quoting. */
function serverSaid(error: APIError): string {
  // A server whose `error` is a plain string (LM Studio) reaches us JSON-quoted.
  const message = error.message.replace(/^\d{3}\s+/, '').trim().replace(/^"(.*)"$/s, '$1');
  return message === '' || /status code \(no body\)/.test(message) ? '' : message;
}

/** A prompt longer than the context, in the words OpenAI, llama.cpp, Ollama and LM Studio use for it. */
const CONTEXT_WORDS = /context|too long|maximum.*tokens|token limit|exceeds/i;

/**
 * llama-server shares one context between its parallel slots (4 by default): with several
 * requests at once it can fail one with `500 "Context size has been exceeded."` (seen on the
 * llama-server in ../shared/llama; tools/server/server-context.cpp sends it). It is the context,
 * not a broken server: the same request alone fits.
 */
export function isSlotExhaustion(error: unknown): boolean {
  return error instanceof APIError && (error.status === undefined || error.status >= 500) && /context size has been exceeded/i.test(error.message);
}

/** A 4xx whose text says the prompt did not fit (OpenAI, llama.cpp's `exceed_context_size_error`, Ollama, LM Studio). */
export function isContextTooLong(error: unknown): boolean {
  if (!(error instanceof APIError)) return false;
  if (error.type === 'exceed_context_size_error' || error.code === 'context_length_exceeded') return true;
  return [400, 413, 422].includes(error.status ?? 0) && CONTEXT_WORDS.test(serverSaid(error));
}

/** llama.cpp's context error carries the context it runs with (`n_ctx`): the figure to budget against. */
export function contextTokensFromError(error: unknown): number | null {
  if (!(error instanceof APIError) || typeof error.error !== 'object' || error.error === null) return null;
  const nCtx = (error.error as { n_ctx?: unknown }).n_ctx;
  return typeof nCtx === 'number' && Number.isInteger(nCtx) && nCtx > 0 ? nCtx : null;
}

/** What the person can change on their server to make room; each server names it differently. */
export function contextAdvice(kind: ServerKind): string {
  switch (kind) {
    case 'llamacpp':
      return 'Start llama-server with a larger context (for example -c 8192), or set a smaller context size in Idiolect’s options.';
    case 'ollama':
      return 'Give the model a larger num_ctx in Ollama (OLLAMA_CONTEXT_LENGTH=8192 ollama serve, or PARAMETER num_ctx 8192 in its Modelfile), or set a smaller context size in Idiolect’s options.';
    case 'lmstudio':
      return 'Load the model in LM Studio with a larger Context Length (in the model’s load settings), or set a smaller context size in Idiolect’s options.';
    default:
      return 'Choose a model with a larger context, or set a smaller context size in Idiolect’s options.';
  }
}

function kindOf(error: APIError, endpoint: EndpointDescription): ServerKind {
  return error.type === 'exceed_context_size_error' ? 'llamacpp' : serverKindOf(endpoint);
}

/**
 * llama-server without a chat template for its model cannot build the grammar of a JSON-schema
 * request and answers `400 "Failed to initialize samplers: …"` (seen with ../shared/llama's model
 * started without --chat-template-file).
 */
export function isSamplerFailure(error: unknown): boolean {
  return error instanceof APIError && /failed to initialize samplers/i.test(error.message);
}

export function noChatTemplateError(cause?: unknown): LlmError {
  return new LlmError(
    'This server has no chat template for its model, so it cannot be asked for answers in a fixed form (it said “Failed to initialize samplers”). ' +
      'Start llama-server with a template for the model, for example --chat-template-file template.jinja or --chat-template llama2, or choose a model that ships one.',
    'unsupported',
    { cause },
  );
}

function describeApiError(error: APIError, endpoint: EndpointDescription): LlmError {
  const said = serverSaid(error);
  const cause = { cause: error };
  if (isSlotExhaustion(error)) {
    return new LlmError(
      `The server ran out of shared context while answering several requests at once (“${said}”), even after Idiolect retried one at a time. ${contextAdvice(kindOf(error, endpoint))}`,
      'context-too-long',
      cause,
    );
  }
  if (isContextTooLong(error)) {
    return new LlmError(
      `The request is longer than the model can read (${error.status ?? 'during the answer'}). ${contextAdvice(kindOf(error, endpoint))}`,
      'context-too-long',
      cause,
    );
  }
  if (error.status === undefined) {
    // An error sent inside a stream that had already started (`data: {"error": …}`).
    return new LlmError(`The model server stopped with an error while answering${said ? `: ${said}` : ''}.`, 'server', cause);
  }
  switch (error.status) {
    case 401:
      return new LlmError(
        endpoint.provider === 'openai' || endpoint.baseURL.includes('api.openai.com')
          ? 'OpenAI refused the API key (401). Paste a current key from platform.openai.com in Idiolect’s options.'
          : `The endpoint at ${endpoint.baseURL} refused the API key (401). Check the key in Idiolect’s options.`,
        'auth',
        cause,
      );
    case 403:
      if (looksLikeOllama(endpoint) && said === '') return new LlmError(ollamaOriginAdvice(endpoint.extensionOrigin), 'ollama-origin', cause);
      return new LlmError(
        `The endpoint refused the request (403)${said ? `: ${said}` : ''}. Check that the key has access to this model.`,
        'forbidden',
        cause,
      );
    case 404:
      if (error.code === 'model_not_found' || /model/i.test(said)) {
        return new LlmError(
          `The model “${endpoint.model}” is not available at ${endpoint.baseURL} (404). Check the model name, or use “Test connection” to list the models it offers.`,
          'unknown-model',
          cause,
        );
      }
      return new LlmError(
        `Nothing answered at ${endpoint.baseURL}/chat/completions (404). Check the Base URL: for most servers it ends in /v1.`,
        'not-found',
        cause,
      );
    case 429: {
      if (error.code === 'insufficient_quota') {
        return new LlmError('The account behind this API key has no credit left (429). Add credit or use another key.', 'quota', cause);
      }
      const wait = retryAfterMsOf(error);
      return new LlmError(
        wait !== undefined
          ? `The endpoint is limiting how many requests it takes (429) and asks to wait ${describeWait(wait)}. Try again then.`
          : 'The endpoint is limiting how many requests it takes (429). Try again in a minute.',
        'rate-limit',
        { cause: error, retryAfterMs: wait },
      );
    }
    case 400:
    case 413:
    case 422:
      return new LlmError(`The endpoint rejected the request (${error.status})${said ? `: ${said}` : ''}.`, 'bad-request', cause);
    default:
      return new LlmError(
        `The model server had a problem (${error.status ?? 'no status'})${said ? `: ${said}` : ''}. Try again in a moment.`,
        'server',
        cause,
      );
  }
}

/**
 * Turns anything a request can throw into an LlmError a person can act on. `reachable` says what
 * a follow-up probe found when the request could not connect at all: whether something answers
 * at the address (then the browser blocked the reply: CORS) or not (the server is down).
 */
export function describeLlmFailure(error: unknown, endpoint: EndpointDescription, reachable?: boolean): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return new LlmError('Cancelled.', 'cancelled', { cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError(
      `The model at ${endpoint.baseURL} did not answer in time. A local model may still be loading: try again, or pick a smaller model.`,
      'timeout',
      { cause: error },
    );
  }
  if (error instanceof APIConnectionError) {
    if (reachable) {
      return new LlmError(
        `The server at ${endpoint.baseURL} is running, but the browser blocked its answer (CORS). ` +
          `Turn on CORS in the server (LM Studio: Developer → Server settings → Enable CORS; llama.cpp and others: allow the origin ${endpoint.extensionOrigin || 'of this extension'}).`,
        'cors',
        { cause: error },
      );
    }
    return new LlmError(
      `Could not reach ${endpoint.baseURL}. Is the server running, and is the Base URL right?`,
      'unreachable',
      { cause: error },
    );
  }
  if (error instanceof APIError) return describeApiError(error, endpoint);
  if (isConnectionLost(error)) return connectionLostError(endpoint, error);
  if (error instanceof SyntaxError || error instanceof NotAnApiAnswerError) {
    return new LlmError(
      `Something answered at ${endpoint.baseURL}, but not in the OpenAI API's language (it may be a web page or a proxy's error page). Check the Base URL (for most servers it ends in /v1), then try again.`,
      'not-an-api',
      { cause: error },
    );
  }
  return new LlmError(error instanceof Error ? error.message : String(error), 'server', { cause: error });
}

export function connectionLostError(endpoint: EndpointDescription, cause: unknown, keptSoFar = false): LlmError {
  return new LlmError(
    `The connection to ${endpoint.baseURL} broke while the model’s answer was arriving (the server may have stopped or restarted).` +
      (keptSoFar ? ' What it wrote so far is kept. Try again for a whole answer.' : ' Try again; if it keeps happening, look at the server’s log.'),
    'connection-lost',
    { cause },
  );
}

/**
 * How a streamed answer ended, as the last `finish_reason` said: a stream that ends without one
 * (no finish, no [DONE]) was cut off; "length" is the model's token limit; no text at all is
 * empty. Null when the answer is whole.
 */
export function incompleteStreamError(endpoint: EndpointDescription, finishReason: string | null, receivedText: boolean): LlmError | null {
  if (finishReason === 'length') {
    return new LlmError(
      'The model stopped at its length limit before it finished. What it wrote is kept; try again, or ask for a shorter text.',
      'truncated',
    );
  }
  if (finishReason === 'content_filter') {
    return new LlmError('The model’s content filter stopped the answer before it finished. What it wrote is kept.', 'truncated');
  }
  if (finishReason === null) {
    return new LlmError(
      `The answer from ${endpoint.baseURL} ended before the model said it was done, so it may be cut off.` +
        (receivedText ? ' What it wrote is kept; try again for a whole answer.' : ' Nothing arrived; try again.'),
      'incomplete',
    );
  }
  if (!receivedText) return new LlmError('The model answered with no text at all. Try again, or choose another model.', 'empty');
  return null;
}
