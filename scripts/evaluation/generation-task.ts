import type { EvalRecord } from './dataset';

/** Shorter openings (a greeting such as "Hi all,") are extended by the next sentence. */
const MIN_OPENING_WORDS = 4;
const MAX_OPENING_WORDS = 60;

export interface GenerationTask {
  /** The held-out text the task was made from. */
  sourceId: string;
  /** What every condition is asked to write: the same words for all. */
  instruction: string;
  opening: string;
  targetWords: number;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Sentences of the first paragraphs, whitespace folded; a blank line also ends a sentence. */
function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?…])\s+/))
    .filter((sentence) => sentence !== '');
}

/** The text's first sentence (with the next one when the first is only a greeting), at most 60 words. */
export function openingOf(text: string): string {
  const parts = sentences(text);
  let opening = '';
  for (const sentence of parts) {
    opening = opening === '' ? sentence : `${opening} ${sentence}`;
    if (wordsOf(opening).length >= MIN_OPENING_WORDS) break;
  }
  const words = wordsOf(opening);
  return words.length > MAX_OPENING_WORDS ? `${words.slice(0, MAX_OPENING_WORDS).join(' ')} …` : opening;
}

/** About 1.3 tokens a word; twice the target lets a model overshoot without rambling on. */
export function generationMaxTokens(task: GenerationTask): number {
  return Math.ceil(task.targetWords * 2.6) + 64;
}

/** Word counts rounded to ten read as a target, not as a fact copied from the original. */
export function targetWordsOf(text: string): number {
  return Math.max(10, Math.round(wordsOf(text).length / 10) * 10);
}

/**
 * The content is held constant (subject, opening sentence, length) so that only the style is
 * free: the same protocol as CCAT50's "write an article that starts with <first sentence>", with
 * the email's subject added because a reply's opening alone often says little.
 */
export function generationTaskFor(record: EvalRecord): GenerationTask {
  const opening = openingOf(record.text);
  const targetWords = targetWordsOf(record.text);
  const subject = record.title?.trim();
  const begins = `begins: “${opening}”${/[.!?…]$/.test(opening) ? '' : '.'}`;
  const instruction = `${subject ? `Write an email with the subject “${subject}” that ${begins}` : `Write an email that ${begins}`} Continue it to about ${targetWords} words.`;
  return { sourceId: record.id, instruction, opening, targetWords };
}
