import { parseEmailMessage } from './email-message';
import { htmlToText } from './html-to-text';
import { stripQuotedReply } from './strip-quoted-reply';
import { stripSignature } from './strip-signature';

export type OwnTextInput =
  | { kind: 'plain' | 'html'; content: string }
  /** Raw bytes are best; a string is taken as already decoded text. */
  | { kind: 'eml'; content: string | Uint8Array };

export interface RemovedParts {
  /** Quoted history, attribution lines and forwarded blocks, in reading order. */
  quoted: string[];
  /** Signatures, client taglines and contact blocks. */
  signatures: string[];
}

export interface OwnText {
  text: string;
  removed: RemovedParts;
}

function cleanPlain(text: string, removed: RemovedParts): OwnText {
  const withoutQuotes = stripQuotedReply(text);
  const withoutSignature = stripSignature(withoutQuotes.text);
  removed.quoted.push(...withoutQuotes.quoted);
  if (withoutSignature.signature) removed.signatures.push(withoutSignature.signature);
  return { text: withoutSignature.text, removed };
}

function cleanHtml(html: string, removed: RemovedParts): OwnText {
  const rendered = htmlToText(html, { dropQuotes: true });
  removed.quoted.push(...rendered.quoted);
  removed.signatures.push(...rendered.signatures);
  return cleanPlain(rendered.text, removed);
}

/**
 * The text the user wrote themselves: quoted history, forwarded blocks, signatures and client
 * taglines removed; greetings and sign-offs ("Thanks,\nAnna") kept because they are style.
 */
export function extractOwnText(input: OwnTextInput): OwnText {
  const removed: RemovedParts = { quoted: [], signatures: [] };
  if (input.kind === 'plain') return cleanPlain(input.content, removed);
  if (input.kind === 'html') return cleanHtml(input.content, removed);
  const message = parseEmailMessage(input.content);
  if (message.plainText !== null) return cleanPlain(message.plainText, removed);
  if (message.html !== null) return cleanHtml(message.html, removed);
  return { text: '', removed };
}
