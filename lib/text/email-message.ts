import { decodeBytes, decodeEncodedWords, decodeTransfer, fromByteString, toByteString, unwrapFlowed } from './mime-decode';

/**
 * A whole RFC 822 / MIME message (.eml). Headers and bodies are handled as "byte strings" (one
 * char per byte) until a part's charset is known, so 8-bit bodies decode correctly.
 */

export interface EmailMessage {
  /** Lower-cased header names; encoded words (=?utf-8?Q?…?=) decoded. First occurrence wins. */
  headers: ReadonlyMap<string, string>;
  /** The first text/plain body that is not an attachment, decoded to text. */
  plainText: string | null;
  /** The first text/html body that is not an attachment, decoded to text (still HTML). */
  html: string | null;
}

interface ContentType {
  type: string;
  params: ReadonlyMap<string, string>;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Multipart nesting deeper than this is not produced by mail clients. */
const MAX_PART_DEPTH = 8;

function splitHeaderSection(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parseContentType(value: string | undefined): ContentType {
  const [type = 'text/plain', ...rest] = (value ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params.set(name, param.slice(eq + 1).trim().replace(/^"(.*)"$/s, '$1'));
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) break;
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\n'));
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

interface TextBodies {
  plainText: string | null;
  html: string | null;
}

function decodePartText(part: Part, type: ContentType, sourceIsBytes: boolean): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = type.params.get('charset') ?? 'utf-8';
  const transferDecoded = encoding === 'quoted-printable' || encoding === 'base64';
  const bytes = decodeTransfer(part.body, encoding);
  const text = transferDecoded || sourceIsBytes ? decodeBytes(bytes, charset) : fromByteString(bytes);
  return type.params.get('format')?.toLowerCase() === 'flowed' ? unwrapFlowed(text, type.params.get('delsp') === 'yes') : text;
}

function collectBodies(part: Part, sourceIsBytes: boolean, depth: number, found: TextBodies): void {
  const type = parseContentType(part.headers.get('content-type'));
  const disposition = (part.headers.get('content-disposition') ?? '').toLowerCase();
  if (disposition.startsWith('attachment')) return;
  if (type.type.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary || depth >= MAX_PART_DEPTH) return;
    for (const child of splitMultipart(part.body, boundary)) {
      collectBodies(splitHeaderSection(child), sourceIsBytes, depth + 1, found);
    }
    return;
  }
  if (type.type === 'text/plain' && found.plainText === null) found.plainText = decodePartText(part, type, sourceIsBytes);
  if (type.type === 'text/html' && found.html === null) found.html = decodePartText(part, type, sourceIsBytes);
}

/**
 * Parses a message given as raw bytes, or as a string that was already decoded to text (then
 * 8-bit bodies are taken as they are and only quoted-printable/base64 bodies use the charset).
 */
export function parseEmailMessage(raw: string | Uint8Array): EmailMessage {
  const sourceIsBytes = typeof raw !== 'string';
  const byteString = toByteString(raw);
  const top = splitHeaderSection(byteString);
  const headers = new Map<string, string>();
  for (const [name, value] of top.headers) headers.set(name, decodeEncodedWords(value));
  const found: TextBodies = { plainText: null, html: null };
  collectBodies(top, sourceIsBytes, 0, found);
  return { headers, plainText: found.plainText, html: found.html };
}
