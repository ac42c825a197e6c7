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
  signal?: AbortSignal;
}

export interface TextRequest {
  messages: ChatMessage[];
  /** Sampling temperature, where the model accepts one; the provider's default otherwise. */
  temperature?: number;
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
  /** The model's context window in tokens, as far as we know it; prompts are budgeted against it. */
  readonly contextTokens: number;
  completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
  streamText(request: StreamRequest): AsyncIterable<string>;
  /** One whole plain-text answer with its token counts (for measuring; the UI streams). */
  completeText(request: TextRequest): Promise<TextResult>;
  testConnection(signal?: AbortSignal): Promise<ConnectionReport>;
}
