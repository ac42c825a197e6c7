import type { z } from 'zod';
import type { TokenUsage } from '../hyperalign/schema';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StructuredRequest<T> {
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  schemaName: string;
  /** The most the answer may spend: the schema's worst case for its purpose. Local servers otherwise run until their context is full. */
  maxTokens: number;
  signal?: AbortSignal;
}

/** How the answer was constrained: a JSON schema, JSON mode, or plain text read tolerantly. */
export type StructuredMode = 'json_schema' | 'json_object' | 'text';

export interface StructuredResult<T> {
  value: T;
  /** Summed over every request it took (a fallback or a repair adds one). */
  usage: TokenUsage;
  mode: StructuredMode;
  /** True when the first answer was invalid and the model fixed it after seeing the error. */
  repaired: boolean;
}

export interface StreamRequest {
  messages: ChatMessage[];
  /** The most the streamed text may spend, sized to its purpose (a multiple of the draft for a rewrite). */
  maxTokens: number;
  signal?: AbortSignal;
}

export interface TextRequest {
  messages: ChatMessage[];
  /** Sampling temperature, where the model accepts one; the provider's default otherwise. */
  temperature?: number;
  /** The most the answer may spend, sized to its purpose. */
  maxTokens: number;
  signal?: AbortSignal;
}

export interface TextResult {
  text: string;
  usage: TokenUsage;
}

/** What a connection test found, in words for the person who configured it. */
export interface ConnectionReport {
  ok: boolean;
  /** One or two sentences a person can act on. */
  message: string;
  models: string[];
}

/** What the method needs from a model, whichever provider stands behind it. */
export interface LlmClient {
  readonly provider: string;
  readonly model: string;
  /**
   * The model's context window in tokens, prompts are budgeted against it: the person's own
   * setting, else what the server reports, else the provider's usual default.
   */
  contextWindow(signal?: AbortSignal): Promise<number>;
  /** The model names the endpoint offers, for a picker; empty when it does not say. */
  listModels(signal?: AbortSignal): Promise<string[]>;
  completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
  streamText(request: StreamRequest): AsyncIterable<string>;
  /** One whole plain-text answer with its token counts (for measuring; the UI streams). */
  completeText(request: TextRequest): Promise<TextResult>;
  testConnection(signal?: AbortSignal): Promise<ConnectionReport>;
}
