import { exampleFromSchema } from './schema-example';
import type { Responder } from './types';

const DRAFT = /<draft>([\s\S]*?)<\/draft>/g;
/** Property names under which a structured reply plausibly carries the rewritten text. */
const TEXT_KEYS = /rewrit|text|draft|output|result|content|body|message/i;

/** The text of the last `<draft>…</draft>` in a message, or the whole message when it has none. */
export function draftOf(userContent: string): string {
  const drafts = [...userContent.matchAll(DRAFT)];
  return drafts.at(-1)?.[1]?.trim() ?? userContent;
}

/**
 * Answers anything plausibly, for trying the extension by hand: the draft echoed back as text, or
 * a schema-conforming value whose text-like strings carry the draft.
 */
export const demoResponder: Responder = (request) => {
  const { responseFormat, userContent } = request.chat;
  const draft = draftOf(userContent);
  switch (responseFormat?.type) {
    case 'json_schema':
      return {
        json: exampleFromSchema(responseFormat.json_schema.schema, {
          text: (key) => (TEXT_KEYS.test(key) ? draft : `example ${key}`.trim()),
        }),
      };
    case 'json_object':
      return { json: { text: draft } };
    default:
      return { content: draft };
  }
};
