import { isRecord } from './is-record';
import type { ChatMessage, ChatView, ResponseFormat } from './types';

/** Text of a message's content: a string, or the `text` of its content parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

export function chatView(body: Record<string, unknown>): ChatView {
  const messages: ChatMessage[] = Array.isArray(body.messages)
    ? body.messages.filter((m): m is ChatMessage => isRecord(m) && typeof m.role === 'string')
    : [];
  const textOf = (roles: readonly string[]) =>
    messages.filter((m) => roles.includes(m.role)).map((m) => messageText(m.content));
  return {
    model: typeof body.model === 'string' ? body.model : '',
    messages,
    stream: body.stream === true,
    includeUsage: isRecord(body.stream_options) && body.stream_options.include_usage === true,
    n: typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? body.n : 1,
    // Only trusted after validation; responders only ever see validated requests.
    responseFormat: isRecord(body.response_format) ? (body.response_format as ResponseFormat) : undefined,
    systemPrompt: textOf(['system', 'developer']).join('\n\n'),
    userContent: textOf(['user']).at(-1) ?? '',
  };
}
