import { z } from 'zod';

/**
 * A deterministic check that a rewrite kept the draft's facts: numbers, dates and times, links,
 * email addresses and names. No model is involved, so the check itself cannot hallucinate.
 */
export const factKindSchema = z.enum(['number', 'date', 'link', 'email', 'name']);
export type FactKind = z.infer<typeof factKindSchema>;

export const factSchema = z.object({ kind: factKindSchema, text: z.string() });
export type Fact = z.infer<typeof factSchema>;

export const fidelityReportSchema = z.object({ missing: z.array(factSchema), added: z.array(factSchema) });
export type FidelityReport = z.infer<typeof fidelityReportSchema>;

interface KeyedFact extends Fact {
  key: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORDINAL = '(?:st|nd|rd|th)?';

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DATE_PATTERNS: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  /\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/g,
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}${ORDINAL}(?:,?\\s+\\d{4})?\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+\\d{4})?\\b`, 'gi'),
  /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)(?![\p{L}])/giu,
  /\b\d{1,2}:\d{2}\b/g,
  new RegExp(`\\b${WEEKDAY}\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\b(?:\\s+\\d{4})?`, 'g'),
  /\b(?:today|tomorrow|tonight|yesterday)\b/gi,
];
const NUMBER = /\d+(?:[.,]\d+)*/g;
const NAME = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{L}|\p{Lu}{2,})(?![\p{L}\p{N}])/gu;

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** Capitalised words that are not names: greetings, closings, pronouns, and days and months (dates). */
const NOT_NAMES = new Set(
  [
    'I', "I'm", 'I’m', "I'll", 'I’ll', "I've", 'I’ve', "I'd", 'I’d', 'OK', 'Ok', 'Hi', 'Hey', 'Hello', 'Dear', 'Thanks',
    'Thank', 'Cheers', 'Best', 'Regards', 'Kind', 'Warm', 'Yours', 'Sincerely', 'Morning', 'Afternoon', 'Evening',
    'AM', 'PM', 'P.S', 'PS', 'FYI', 'ASAP', 'TBD', 'Re', 'Fwd',
  ].map((word) => word.toLowerCase()),
);

function linkKey(text: string): string {
  return text.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '').toLowerCase();
}

function trimLink(text: string): string {
  return text.replace(/[.,;:!?)\]}>'"’”]+$/u, '');
}

function timeKey(text: string): string | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*([ap])?\.?m?\.?$/i.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] ?? '00';
  const half = match[3]?.toLowerCase();
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  return `time:${hours}:${minutes}`;
}

function dateKey(text: string): string {
  const time = timeKey(text);
  if (time) return time;
  const lower = text.toLowerCase().replace(/,/g, ' ').replace(/\bof\b/g, ' ').replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  const parts = lower.split(/[\s.]+/).filter(Boolean).map((part) => {
    const month = MONTHS.findIndex((name) => part.startsWith(name));
    return month >= 0 && /^[a-z]+$/.test(part) ? `m${month + 1}` : part;
  });
  return `date:${parts.sort().join(' ')}`;
}

function numberKey(text: string): string {
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  return `number:${plain.replace(/^0+(?=\d)/, '')}`;
}

function collect(text: string, pattern: RegExp, kind: FactKind, key: (match: string) => string, tidy = (m: string) => m) {
  const found: KeyedFact[] = [];
  const rest = text.replace(pattern, (match) => {
    const cleaned = tidy(match);
    found.push({ kind, text: cleaned, key: key(cleaned) });
    // Sentence ends stay, so a capitalised word after "…at 3pm. Bring" is still seen as a sentence start.
    return match.replace(/[^.!?\n]/g, ' ');
  });
  return { found, rest };
}

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?:;\n"“(\-–—]$/.test(before) || /\n\s*$/.test(text.slice(0, index));
}

/** The facts of a text, each with a key under which two spellings of the same fact are equal. */
export function extractFacts(text: string): KeyedFact[] {
  const facts: KeyedFact[] = [];
  let rest = text;
  for (const [pattern, kind, key, tidy] of [
    [LINK, 'link', linkKey, trimLink],
    [EMAIL, 'email', (m: string) => `email:${m.toLowerCase()}`, (m: string) => m],
  ] as const) {
    const step = collect(rest, pattern, kind, key, tidy);
    facts.push(...step.found);
    rest = step.rest;
  }
  for (const pattern of DATE_PATTERNS) {
    const step = collect(rest, pattern, 'date', dateKey);
    facts.push(...step.found);
    rest = step.rest;
  }
  const numbers = collect(rest, NUMBER, 'number', numberKey, (m) => m.replace(/[.,]$/, ''));
  facts.push(...numbers.found);
  rest = numbers.rest;
  for (const match of rest.matchAll(NAME)) {
    const word = match[0];
    if (NOT_NAMES.has(word.toLowerCase()) || isSentenceStart(rest, match.index)) continue;
    facts.push({ kind: 'name', text: word, key: `name:${word}` });
  }
  const unique = new Map<string, KeyedFact>();
  for (const fact of facts) if (!unique.has(fact.key)) unique.set(fact.key, fact);
  return [...unique.values()];
}

function numberWordFor(fact: KeyedFact): string | undefined {
  if (fact.kind !== 'number') return undefined;
  const value = Number(fact.key.slice('number:'.length));
  return Number.isInteger(value) ? NUMBER_WORDS[value] : undefined;
}

function mentions(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(text);
}

/** Facts of `from` that `to` lacks. A name counts as kept wherever it appears; 3 and "three" are one number. */
function lacking(from: KeyedFact[], to: KeyedFact[], toText: string): Fact[] {
  const keys = new Set(to.map((fact) => fact.key));
  return from
    .filter((fact) => {
      if (keys.has(fact.key)) return false;
      if (fact.kind === 'name') return !new RegExp(`(?<![\\p{L}])${fact.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(toText);
      const word = numberWordFor(fact);
      return !(word && mentions(toText, word));
    })
    .map(({ kind, text }) => ({ kind, text }));
}

export function checkFidelity(draft: string, rewrite: string): FidelityReport {
  const before = extractFacts(draft);
  const after = extractFacts(rewrite);
  return { missing: lacking(before, after, rewrite), added: lacking(after, before, draft) };
}

const KIND_LABEL: Record<FactKind, string> = { number: 'number', date: 'date or time', link: 'link', email: 'email address', name: 'name' };

/** One sentence for the person, or null when every fact survived and none was added. */
export function describeFidelity(report: FidelityReport): string | null {
  const list = (facts: Fact[]) => facts.map((fact) => `${fact.text} (${KIND_LABEL[fact.kind]})`).join(', ');
  const parts = [
    report.missing.length > 0 && `Missing from the rewrite: ${list(report.missing)}.`,
    report.added.length > 0 && `Not in your draft: ${list(report.added)}.`,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? `Check before sending. ${parts.join(' ')}` : null;
}
