/**
 * Raw stylometric features of one text: counts of character n-grams, words and word bigrams,
 * ratio statistics (punctuation, casing, lengths, layout), and the greeting and closing lines.
 * Everything is a count or a numerator/denominator pair so that a profile can add and subtract
 * texts exactly.
 */
import { rareNgramCounts } from './rare-ngrams';
import { splitUnits, wordsOf, type TextUnits } from './text';

export const COUNT_FAMILIES = ['char', 'word', 'bigram'] as const;
export type CountFamily = (typeof COUNT_FAMILIES)[number];

export const CHAR_NGRAM_SIZES = [2, 3, 4] as const;

const EMOJI = /\p{Extended_Pictographic}/gu;
const EMOTICON = /(?:^|\s)[:;=8][-o^']?[)(\]\[dDpP/\\|]+(?=\s|$)/gm;
const CONTRACTION = /^\p{L}+'(?:t|s|m|re|ve|ll|d)$/u;
const GREETING_WORDS = new Set(['hi', 'hello', 'hey', 'dear', 'hiya', 'greetings', 'morning', 'afternoon', 'evening', 'folks', 'all', 'yo', 'howdy']);

interface Ratio {
  readonly num: number;
  readonly den: number;
}

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function sumOfSquares(values: readonly number[]): number {
  return values.reduce((a, b) => a + b * b, 0);
}

/**
 * Ratio statistics, pooled over a profile as sum(num) / sum(den). The list is part of the
 * reference population's format: changing it needs a rebuilt reference.
 */
const STATISTICS: Readonly<Record<string, (u: TextUnits) => Ratio>> = {
  wordsPerSentence: (u) => ({ num: sum(u.sentenceLengths), den: u.sentenceLengths.length }),
  squaredWordsPerSentence: (u) => ({ num: sumOfSquares(u.sentenceLengths), den: u.sentenceLengths.length }),
  wordsPerParagraph: (u) => ({ num: sum(u.paragraphLengths), den: u.paragraphLengths.length }),
  sentencesPerParagraph: (u) => ({ num: u.sentenceLengths.length, den: u.paragraphLengths.length }),
  charsPerLine: (u) => ({ num: sum(u.lines.map((l) => l.length)), den: u.lines.length }),
  longLines: (u) => ({ num: u.lines.filter((l) => l.length > 80).length, den: u.lines.length }),
  lettersPerWord: (u) => ({ num: sum(u.words.map((w) => w.length)), den: u.words.length }),
  longWords: (u) => ({ num: u.words.filter((w) => w.length >= 8).length, den: u.words.length }),
  uppercaseLetters: (u) => ({ num: count(u.text, /\p{Lu}/gu), den: count(u.text, /\p{L}/gu) }),
  allCapsWords: (u) => ({ num: count(u.text, /\b\p{Lu}{2,}\b/gu), den: u.words.length }),
  lowercaseSentenceStarts: (u) => ({ num: u.sentenceStarts.filter((c) => c !== c.toUpperCase()).length, den: u.sentenceStarts.length }),
  lowercaseI: (u) => ({ num: count(u.text, /(?<![\p{L}'])i(?=[\s,.!?']|$)/gu), den: u.words.filter((w) => w === 'i' || w.startsWith("i'")).length }),
  digits: (u) => ({ num: count(u.text, /\p{N}/gu), den: u.text.length }),
  exclamations: (u) => ({ num: count(u.text, /!/g), den: u.sentenceLengths.length }),
  questions: (u) => ({ num: count(u.text, /\?/g), den: u.sentenceLengths.length }),
  ellipses: (u) => ({ num: count(u.text, /\.\.+|…/g), den: u.words.length }),
  dashes: (u) => ({ num: count(u.text, /\s--?\s|—|–/g), den: u.words.length }),
  parentheses: (u) => ({ num: count(u.text, /\(/g), den: u.words.length }),
  commas: (u) => ({ num: count(u.text, /,/g), den: u.words.length }),
  semicolonsColons: (u) => ({ num: count(u.text, /[;:](?=\s)/g), den: u.words.length }),
  quotes: (u) => ({ num: count(u.text, /["“”]/g), den: u.words.length }),
  contractions: (u) => ({ num: u.words.filter((w) => CONTRACTION.test(w)).length, den: u.words.length }),
  doubleSpaceAfterSentence: (u) => ({ num: count(u.text, /[.!?] {2}\S/g), den: u.sentenceLengths.length }),
  emoji: (u) => ({ num: count(u.text, EMOJI), den: u.words.length }),
  emoticons: (u) => ({ num: count(u.text, EMOTICON), den: u.words.length }),
};

export const STATISTIC_NAMES: readonly string[] = Object.keys(STATISTICS);

export interface TextFeatures {
  /** Feature counts keyed `family:feature`, e.g. `char:th`, `word:the`, `bigram:of the`. */
  readonly counts: ReadonlyMap<string, number>;
  /** All n-grams / words / bigrams of each family in the text, in or out of any vocabulary. */
  readonly totals: Readonly<Record<CountFamily, number>>;
  readonly statistics: Readonly<Record<string, Ratio>>;
  /** Lower-cased opening line when it reads as a greeting, else null. */
  readonly greeting: string | null;
  /** Lower-cased last line when it is short enough to be a sign-off, else null. */
  readonly closing: string | null;
  readonly wordCount: number;
  /** Bucket counts of every character 3-5-gram, rare or not (see rare-ngrams.ts). */
  readonly rare: ReadonlyMap<number, number>;
}

export function featureKey(family: CountFamily, feature: string): string {
  return `${family}:${feature}`;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function habitLine(line: string | undefined): string {
  return (line ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function greetingOf(units: TextUnits): string | null {
  const first = habitLine(units.lines[0]);
  const words = wordsOf(first);
  const firstWord = words[0];
  if (firstWord === undefined || words.length > 5 || !GREETING_WORDS.has(firstWord)) return null;
  return first;
}

function closingOf(units: TextUnits): string | null {
  if (units.lines.length < 2) return null;
  const last = habitLine(units.lines[units.lines.length - 1]);
  const words = wordsOf(last);
  if (words.length === 0 || words.length > 4 || /[.?]$/.test(last)) return null;
  return last;
}

export function extractFeatures(raw: string): TextFeatures {
  const units = splitUnits(raw);
  const counts = new Map<string, number>();
  const chars = units.text.replace(/[^\S\n]+/g, ' ');
  let charTotal = 0;
  for (const n of CHAR_NGRAM_SIZES) {
    for (let i = 0; i + n <= chars.length; i++) {
      increment(counts, featureKey('char', chars.slice(i, i + n)));
      charTotal++;
    }
  }
  for (const w of units.words) increment(counts, featureKey('word', w));
  for (let i = 1; i < units.words.length; i++) {
    increment(counts, featureKey('bigram', `${units.words[i - 1]} ${units.words[i]}`));
  }
  const statistics: Record<string, Ratio> = {};
  for (const [name, measure] of Object.entries(STATISTICS)) statistics[name] = measure(units);
  return {
    counts,
    totals: { char: charTotal, word: units.words.length, bigram: Math.max(0, units.words.length - 1) },
    statistics,
    greeting: greetingOf(units),
    closing: closingOf(units),
    wordCount: units.words.length,
    rare: rareNgramCounts(chars),
  };
}
