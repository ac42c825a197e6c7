import type { DialectName } from './dialects';

export interface FakeOpenAIOptions {
  /** When set, every /v1 request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Ids listed by GET /v1/models. */
  models?: readonly string[];
  /** Answer 404 model_not_found for a chat completion whose model is not in `models`. */
  strictModels?: boolean;
  /** Called for every request as soon as it is recorded (dev-llm logs with it). */
  onRequest?: (request: RecordedRequest) => void;
  /** Which real server to speak like (models list, error bodies, its own API); OpenAI by default. */
  dialect?: DialectName;
  /** The context the server reports running with (llama.cpp `n_ctx`, Ollama `context_length`, LM Studio `context_length`). Default 4096. */
  contextTokens?: number;
  /**
   * llama.cpp only: false mimics a model without a chat template, whose every json_schema request
   * fails with `400 "Failed to initialize samplers: std::exception"` (seen on ../shared/llama).
   */
  chatTemplate?: boolean;
}

export interface ChatMessage {
  readonly role: string;
  readonly content?: unknown;
  readonly [field: string]: unknown;
}

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly json_schema: {
        readonly name: string;
        readonly schema: Readonly<Record<string, unknown>>;
        readonly strict?: boolean | null;
        readonly description?: string;
      };
    };

/** Convenience view of a chat completion body; tolerant, so it also exists for rejected bodies. */
export interface ChatView {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly n: number;
  readonly responseFormat: ResponseFormat | undefined;
  /** Text of the system and developer messages, joined by a blank line. */
  readonly systemPrompt: string;
  /** Text of the last user message. */
  readonly userContent: string;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Parsed JSON body; undefined when the body is empty or not JSON. */
  readonly body: unknown;
  /** Present for every POST /v1/chat/completions, rejected ones too (then built from whatever the body held). */
  readonly chat?: ChatView;
}

export type ChatRequest = RecordedRequest & { readonly chat: ChatView };

export type FinishReason = 'stop' | 'length' | 'content_filter';

export interface ErrorReply {
  status: number;
  message?: string;
  type?: string;
  code?: string;
  param?: string;
  headers?: Record<string, string>;
  /**
   * Raw text/plain body sent instead of OpenAI's JSON error, to mimic servers that do not speak
   * OpenAI errors (Ollama answers a disallowed Origin with an empty 403).
   */
  body?: string;
}

export type Reply =
  | { content: string; finishReason?: FinishReason }
  | { json: unknown }
  | { error: ErrorReply }
  | { delayMs: number; then: Responder }
  | { cut: true; content: string }
  | { malformed: string }
  | { hang: true }
  /** The dialect's answer to a prompt longer than the context. */
  | { contextExceeded: true }
  /** The dialect's answer when parallel slots overflow a shared context (llama.cpp). */
  | { slotsExhausted: true }
  /** Streams `after`, then the dialect's in-band error event with this message, then ends. */
  | { streamError: string; after: string }
  | PacedReply;

/**
 * An answer at a model's own pace: a stream sends its headers at once, then each piece after its
 * pause (a slow first token, a stall mid-stream); a request without `stream` gets the whole text
 * once every pause has passed. `finishReason: null` leaves out the finish chunk; `end` says how
 * the stream stops: with `[DONE]` (the default), without it, or with the connection dropped.
 */
export interface PacedReply {
  paced: ReadonlyArray<{ afterMs: number; content: string }>;
  finishReason?: FinishReason | null;
  end?: 'done' | 'no-done' | 'cut';
}

export type Responder = Reply | ((request: ChatRequest) => Reply | Promise<Reply>);

export interface WaitOptions {
  /** Defaults to 5000. */
  timeoutMs?: number;
}

export interface FakeOpenAI {
  /** e.g. `http://127.0.0.1:43123/v1`, ready for `new OpenAI({ baseURL })`. */
  readonly baseURL: string;
  readonly port: number;
  /** Every request received, in arrival order, preflights and rejected ones included. */
  readonly requests: readonly RecordedRequest[];
  /** The POST /v1/chat/completions subset of `requests`. */
  readonly chatRequests: readonly ChatRequest[];
  /** Queue replies for the next valid chat completions, consumed in order. */
  script(...responders: Responder[]): void;
  /** What answers once the queue is empty; initially a loud "no scripted reply" 500. */
  setDefault(responder: Responder): void;
  /** Resolves with the first n chat completion requests once they have arrived. */
  waitForRequests(n: number, options?: WaitOptions): Promise<readonly ChatRequest[]>;
  /** Forget requests, queue and default, and cut every reply still in flight. */
  reset(): void;
  close(): Promise<void>;
}
