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

export interface StructuredResult<T> {
  value: T;
  usage: TokenUsage;
}

export interface StreamRequest {
  messages: ChatMessage[];
  signal?: AbortSignal;
}

/** What the method needs from a model, whichever provider stands behind it. */
export interface LlmClient {
  readonly provider: string;
  readonly model: string;
  completeStructured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
  streamText(request: StreamRequest): AsyncIterable<string>;
}
