/** Decoding steps for MIME bodies and headers. A "byte string" holds one byte per char code. */

const CHUNK = 0x8000;

export function toByteString(raw: string | Uint8Array): string {
  const bytes = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

function byteStringToBytes(byteString: string): Uint8Array {
  const bytes = new Uint8Array(byteString.length);
  for (let i = 0; i < byteString.length; i++) bytes[i] = byteString.charCodeAt(i) & 0xff;
  return bytes;
}

/** Bytes 0x80–0x9F of windows-1252; the rest of the single-byte range maps to the same code point. */
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes with the declared charset; unknown labels fall back to UTF-8 rather than failing.
 * The windows-1252 family (which WHATWG also uses for iso-8859-1 and us-ascii) is decoded here
 * because some Node versions' TextDecoder treats it as plain Latin-1.
 */
export function decodeBytes(byteString: string, charset: string): string {
  const label = charset.trim().toLowerCase() || 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  if (decoder.encoding !== 'windows-1252') return decoder.decode(byteStringToBytes(byteString));
  return byteString.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

export function fromByteString(byteString: string): string {
  return decodeBytes(byteString, 'utf-8');
}

function decodeQuotedPrintable(body: string): string {
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function decodeBase64(body: string): string {
  const clean = body.replace(/[^A-Za-z0-9+/]/g, '');
  const usable = clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0));
  try {
    return atob(usable + '='.repeat((4 - (usable.length % 4)) % 4));
  } catch {
    return '';
  }
}

/** Undoes Content-Transfer-Encoding; 7bit, 8bit and binary bodies pass through. */
export function decodeTransfer(body: string, encoding: string): string {
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return decodeBase64(body);
  return body;
}

/** RFC 2047 words in headers: "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=" and "=?iso-8859-1?B?…?=". */
export function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const word = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]{0,2000})\?=/g;
  let out = '';
  let last = 0;
  for (const match of joined.matchAll(word)) {
    const [whole, charset = 'utf-8', mode = 'Q', data = ''] = match;
    const bytes = mode.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '));
    out += fromByteString(joined.slice(last, match.index)) + decodeBytes(bytes, charset.split('*')[0] ?? 'utf-8');
    last = match.index + whole.length;
  }
  return out + fromByteString(joined.slice(last));
}

/**
 * RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote
 * depth; one leading space is stuffing and is removed.
 */
export function unwrapFlowed(text: string, deleteSpace: boolean): string {
  const out: string[] = [];
  let pending: { depth: number; content: string } | null = null;
  const emit = (depth: number, content: string): void => {
    out.push(depth > 0 ? `${'>'.repeat(depth)} ${content}` : content);
  };
  for (const line of text.split(/\r?\n/)) {
    const depth = /^>*/.exec(line)?.[0].length ?? 0;
    const body = line.slice(depth);
    const content = body.startsWith(' ') ? body.slice(1) : body;
    if (pending && pending.depth !== depth) {
      emit(pending.depth, pending.content);
      pending = null;
    }
    const joined: string = (pending?.content ?? '') + content;
    const isSoft = content.endsWith(' ') && content !== '-- ';
    if (isSoft) {
      pending = { depth, content: deleteSpace ? joined.slice(0, -1) : joined };
    } else {
      emit(depth, joined);
      pending = null;
    }
  }
  if (pending) emit(pending.depth, pending.content);
  return out.join('\n');
}
