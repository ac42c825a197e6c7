import { isRuleLine } from './quote-headers';
import { fencedCodeMask, forMatching, isBlank, splitLines, tidyText } from './text-lines';

export interface SignatureStripResult {
  text: string;
  signature: string | null;
}

/** Signatures and disclaimers after a "-- " delimiter rarely run longer than this. */
const MAX_DELIMITED_SIGNATURE_LINES = 30;
const MAX_TAGLINE_TAIL_LINES = 4;
const MAX_SIGNATURE_LINE_LENGTH = 80;

/** Client taglines: "Sent from my iPhone", "Von meinem iPhone gesendet", "iPhoneから送信"… */
const TAGLINE = new RegExp(
  '^\\s*(?:' +
    [
      'Sent from [A-Za-z]',
      'Sent (?:with|via|using) \\S', 'Sent wirelessly from', 'Sent on the go', 'Get Outlook for',
      'Envoyé (?:de|depuis|avec|à partir de) (?:mon|ma|mes|l|Outlook|Yahoo)', 'Enviado (?:desde|do|de|con|a partir de) (?:mi|meu|o|el|Outlook|Yahoo)',
      'Von meinem .{1,40} gesendet', 'Gesendet (?:von|mit) (?:meinem|der|Outlook)', 'Inviato da',
      'Verzonden (?:met|vanaf) ', 'Verstuurd vanaf ', 'Skickat från ', 'Sendt fra ', 'Lähetetty ',
      'Отправлено (?:с|из) ', 'Wysłane z ', 'Wysłano z ', 'Odesláno z ', '从我的.{1,20}发送',
      '發自我的', '.{1,20}から送信', '.{1,20}에서 보냄',
    ].join('|') +
    ')',
  'iu',
);

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
const URL = /(?:https?:\/\/|www\.)\S/i;
const PHONE = /(?:^|[^\d])\+?\(?\d[\d\s().\/-]{5,25}\d(?!\d)/;
const CONTACT_LABEL = /^\s*(?:tel|phone|mobile|mob|cell|fax|skype|t|f|m|p|e|w)\.?\s*[:.]\s*\S/i;
const CONTACT_EMOJI = /[📧📱☎📞✉🌐]/u;

/** Taglines are short labels; "Sent from my desk, is much easier…" is a sentence. */
function isTagline(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_SIGNATURE_LINE_LENGTH || !TAGLINE.test(text)) return false;
  const words = text.replace(/\S*(?:https?:\/\/|www\.)\S*/g, '').split(/\s+/).filter(Boolean);
  return words.length <= 12 && !/,\s+\p{Ll}/u.test(text);
}

function isContactLine(line: string): boolean {
  const text = forMatching(line);
  if (EMAIL.test(text) || URL.test(text) || CONTACT_EMOJI.test(text) || CONTACT_LABEL.test(text)) return true;
  const phone = PHONE.exec(text);
  return !!phone && phone[0].replace(/\D/g, '').length >= 7;
}

function wordCount(line: string): number {
  return line.trim().split(/\s+/).filter(Boolean).length;
}

/** "Blah." ends a sentence; "Ph.D.", "Inc." and "-Lev." end with an abbreviation or initial. */
function endsLikeSentence(text: string): boolean {
  if (/[?!]$/.test(text)) return true;
  return /\.$/.test(text) && !/(?:(?:^|[^\p{L}])\p{L}{1,3}\.|\p{L}\.\p{L}\.)$/u.test(text);
}

/** Short, label-like lines: names, titles, company, contact details. Not sentences. */
function isSignatureLike(line: string): boolean {
  const text = line.trim();
  if (text.length > MAX_SIGNATURE_LINE_LENGTH) return false;
  return isContactLine(text) || isTagline(text) || (wordCount(text) <= 6 && !endsLikeSentence(text));
}

const SIGN_OFF =
  /^\s*(?:thanks|thank you|thx|cheers|best|regards|kind regards|best regards|warm regards|sincerely|yours|all the best|take care|gruß|grüße|viele grüße|mit freundlichen grüßen|lg|vg|merci|cordialement|bien à vous|saludos|un saludo|atentamente|cordiali saluti|saluti|groeten|met vriendelijke groet|hälsningar|mvh|med venlig hilsen|pozdrawiam|pozdrowienia|atenciosamente|abraços|с уважением)\b[^\n]{0,30}$/iu;

/** Index of the line where a signature starts, or -1. The first line is never a signature. */
function findSignatureStart(lines: readonly string[]): number {
  const code = fencedCodeMask(lines);
  const firstText = lines.findIndex((l) => !isBlank(l));
  const nonBlankAfter: number[] = new Array<number>(lines.length + 1).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) nonBlankAfter[i] = (nonBlankAfter[i + 1] ?? 0) + (isBlank(lines[i] ?? '') ? 0 : 1);
  // Signatures sit at the end: only the last lines can start one, which also keeps this linear.
  let i = firstText + 1;
  while (i < lines.length && (nonBlankAfter[i + 1] ?? 0) > MAX_DELIMITED_SIGNATURE_LINES) i++;
  for (; i < lines.length; i++) {
    if (code[i]) continue;
    const line = lines[i] ?? '';
    const tailLines = nonBlankAfter[i + 1] ?? 0;
    if (/^--\s?$/.test(line)) return i;
    if (isTagline(line) && tailLines <= MAX_TAGLINE_TAIL_LINES) return i;
    if (isRuleLine(line) && isSignatureTail(lines.slice(i + 1))) return i;
  }
  return findContactBlock(lines, firstText);
}

/** What follows a rule line is a signature if it is a few short lines with contact details or a name. */
function isSignatureTail(tail: readonly string[]): boolean {
  const text = tail.filter((l) => !isBlank(l));
  if (text.length === 0 || text.length > 15 || !text.every(isSignatureLike)) return false;
  return text.some(isContactLine) || text.every((l) => wordCount(l) <= 4);
}

/**
 * A trailing paragraph of short lines holding at least two contact details (phone, address, URL)
 * is a contact block. A sign-off and the name under it stay: they are the writer's style.
 */
function findContactBlock(lines: readonly string[], firstText: number): number {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && !isBlank(lines[start - 1] ?? '') && isSignatureLike(lines[start - 1] ?? '')) start--;
  if (start <= firstText || start === end) return -1;
  const block = lines.slice(start, end);
  if (block.filter(isContactLine).length < 2) return -1;
  if (SIGN_OFF.test(block[0] ?? '')) {
    const afterName = start + 2;
    return afterName < end ? afterName : -1;
  }
  return start;
}

/** Removes a trailing signature: "-- " blocks, client taglines, rule-separated and contact blocks. */
export function stripSignature(input: string): SignatureStripResult {
  const lines = splitLines(tidyText(input));
  const start = findSignatureStart(lines);
  if (start < 0) return { text: tidyText(input), signature: null };
  return {
    text: tidyText(lines.slice(0, start).join('\n')),
    signature: tidyText(lines.slice(start).join('\n')),
  };
}
