import { type CompletionIdentity, completionChunk, contentPieces, usageChunk } from './completion';
import type { ChatView, FinishReason } from './types';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
} as const;

export function sseEvent(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/**
 * A streamed chat completion as OpenAI sends it, one string per server-sent event: per choice a
 * role delta, the content deltas and a finish delta; then the usage chunk when asked; then [DONE].
 */
export function streamEvents(identity: CompletionIdentity, chat: ChatView, content: string, finishReason: FinishReason): string[] {
  const pieces = contentPieces(content);
  const events: string[] = [];
  for (let index = 0; index < chat.n; index++) {
    const roleDelta = { role: 'assistant', content: '', refusal: null } as const;
    events.push(sseEvent(completionChunk(identity, chat, { index, delta: roleDelta, finishReason: null })));
    for (const piece of pieces) {
      events.push(sseEvent(completionChunk(identity, chat, { index, delta: { content: piece }, finishReason: null })));
    }
    events.push(sseEvent(completionChunk(identity, chat, { index, delta: {}, finishReason })));
  }
  if (chat.includeUsage) events.push(sseEvent(usageChunk(identity, chat, content)));
  events.push(DONE_EVENT);
  return events;
}

export const DONE_EVENT = 'data: [DONE]\n\n';
