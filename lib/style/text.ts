/** Splitting a text into the units the style features count: words, sentences, paragraphs, lines. */

export interface TextUnits {
  /** The text with newlines normalised and outer whitespace trimmed. */
  readonly text: string;
  /** Lower-cased word tokens (letters, apostrophes inside words, or digit runs). */
  readonly words: readonly string[];
  /** Word count of each sentence. */
  readonly sentenceLengths: readonly number[];
  /** The first character of each sentence that starts with a letter. */
  readonly sentenceStarts: readonly string[];
  /** Word count of each paragraph (blank-line separated). */
  readonly paragraphLengths: readonly number[];
  /** Non-empty lines, trailing whitespace removed. */
  readonly lines: readonly string[];
}

const WORD = /\p{L}[\p{L}\p{M}'’]*\p{L}|\p{L}|\p{N}+/gu;
const SENTENCE_END = /(?<=[.!?]["')\]]?)\s+|\n\s*\n/u;

export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

export function splitUnits(raw: string): TextUnits {
  const text = normaliseText(raw);
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return {
    text,
    words: wordsOf(text),
    sentenceLengths: sentences.map((s) => wordsOf(s).length),
    sentenceStarts: sentences.map((s) => s.match(/\p{L}/u)?.[0] ?? '').filter((c) => c !== ''),
    paragraphLengths: paragraphs.map((p) => wordsOf(p).length),
    lines: text.split('\n').filter((l) => l.trim() !== ''),
  };
}

/**
 * Drops the last line when it is short enough to be a sign-off (at most 4 words): sign-offs give
 * a writer away in e-mail and mean nothing elsewhere, so measurements and the calibration can
 * leave them out.
 */
export function stripSignoff(text: string): string {
  const lines = normaliseText(text).split('\n');
  const last = lines[lines.length - 1] ?? '';
  return lines.length > 1 && wordsOf(last).length <= 4 ? lines.slice(0, -1).join('\n').trim() : text;
}
