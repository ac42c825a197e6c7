import { messageText } from './chat-view';
import type { ChatView, FinishReason } from './types';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Deterministic stand-in for a tokenizer: about four characters per token. */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function usageFor(chat: ChatView, content: string): Usage {
  const prompt = chat.messages.reduce((sum, m) => sum + approximateTokens(messageText(m.content)), 0);
  const completion = approximateTokens(content) * chat.n;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Identity shared by a completion or by every chunk of one stream. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

export function chatCompletion(identity: CompletionIdentity, chat: ChatView, content: string, finishReason: FinishReason) {
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_fake',
    choices: Array.from({ length: chat.n }, (_, index) => ({
      index,
      message: { role: 'assistant', content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: finishReason,
    })),
    usage: usageFor(chat, content),
  };
}

type Delta = { role: 'assistant'; content: ''; refusal: null } | { content: string } | Record<string, never>;

export function completionChunk(
  identity: CompletionIdentity,
  chat: ChatView,
  choice: { index: number; delta: Delta; finishReason: FinishReason | null },
) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: choice.index, delta: choice.delta, logprobs: null, finish_reason: choice.finishReason }],
    // With include_usage, OpenAI sends `usage: null` on every chunk before the usage chunk.
    ...(chat.includeUsage ? { usage: null } : {}),
  };
}

export function usageChunk(identity: CompletionIdentity, chat: ChatView, content: string) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: 'fp_fake',
    choices: [],
    usage: usageFor(chat, content),
  };
}

/** Splits content into word-sized pieces (long words further cut) so a stream has several deltas. */
export function contentPieces(content: string): string[] {
  const maxPiece = 16;
  const words = content.match(/\S+\s*|\s+/gu) ?? [];
  return words.flatMap((word) => {
    const chars = Array.from(word);
    if (chars.length <= maxPiece) return [word];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += maxPiece) pieces.push(chars.slice(i, i + maxPiece).join(''));
    return pieces;
  });
}
