/**
 * Short texts cut from long ones: the paragraphs of a mail, merged or split to a word range, with
 * hard line wraps undone. The product mostly sees short texts typed into a browser (a paragraph
 * is one line), while the reference writers wrote hard-wrapped mails of hundreds of words; these
 * chunks give the reference short texts of the kind users have, and give the evaluation short
 * queries and profiles.
 */
import { normaliseText, wordsOf } from './text';

export interface WordRange {
  readonly min: number;
  readonly max: number;
}

/** A line at least this long followed by more text in its paragraph was wrapped by a mail client. */
const WRAPPED_LINE_LENGTH = 45;

/** Joins the lines of a paragraph that a mail client wrapped; short lines (lists, sign-offs) stay. */
export function unwrapParagraph(paragraph: string): string {
  const lines = paragraph.split('\n');
  let out = lines[0] ?? '';
  let previous = out;
  for (const line of lines.slice(1)) {
    const listItem = /^\s*(?:[-*•]|\d+[.)])\s/.test(line);
    out += previous.length >= WRAPPED_LINE_LENGTH && !listItem ? ` ${line.trim()}` : `\n${line}`;
    previous = line;
  }
  return out;
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["')\]]?)\s+/u).filter((s) => s.trim() !== '');
}

/**
 * Consecutive paragraphs of `text`, unwrapped, grouped into chunks of `range.min` to `range.max`
 * words; a paragraph longer than `range.max` is cut between sentences. Text that cannot make a
 * chunk of at least `range.min` words (a trailing sign-off, a lone long sentence) is dropped.
 */
export function shortChunks(text: string, range: WordRange): string[] {
  const pieces: string[] = [];
  for (const paragraph of normaliseText(text).split(/\n\s*\n/)) {
    const unwrapped = unwrapParagraph(paragraph.trim());
    if (wordsOf(unwrapped).length <= range.max) {
      pieces.push(unwrapped);
      continue;
    }
    let current = '';
    for (const sentence of sentencesOf(unwrapped)) {
      const joined = current === '' ? sentence : `${current} ${sentence}`;
      if (current !== '' && wordsOf(joined).length > range.max) {
        pieces.push(current);
        current = sentence;
      } else {
        current = joined;
      }
    }
    if (current !== '') pieces.push(current);
  }
  const chunks: string[] = [];
  // Paragraphs below `range.min` words join the next; one that would overflow is dropped instead.
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}\n\n${piece}`;
    current = wordsOf(joined).length > range.max ? piece : joined;
    if (wordsOf(current).length >= range.min) {
      chunks.push(current);
      current = '';
    }
  }
  return chunks.filter((c) => wordsOf(c).length <= range.max);
}
