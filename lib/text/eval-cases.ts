import { z } from 'zod';
import { extractOwnText, type OwnTextInput } from './extract-own-text';

/**
 * Judges the cleaner against reply-parser fixture cases (see the fixtures README): a case counts
 * when it states the author's own text (expected_visible_text, expected_contains or
 * expected_not_contains); all its statements must hold for it to pass.
 */

const textList = z.array(z.string()).nullish();

export const cleanCaseSchema = z.object({
  id: z.string().min(1),
  input_path: z.string().min(1),
  input_kind: z.enum(['text/plain', 'text/html', 'message/rfc822']),
  expected_visible_text: z.string().nullish(),
  match: z.enum(['exact', 'trim', 'strip_all_whitespace']).nullish(),
  expected_contains: textList,
  expected_not_contains: textList,
});
export type CleanCase = z.infer<typeof cleanCaseSchema>;

export function parseCaseLines(jsonl: string, source: string): CleanCase[] {
  const cases: CleanCase[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${source}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = cleanCaseSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
      throw new Error(`${source}:${index + 1}: not a case record (${problems})`);
    }
    cases.push(parsed.data);
  });
  return cases;
}

/**
 * The fixtures README's suggested normalisation: CRLF to LF and no trailing whitespace on lines.
 * Blank lines at the very end are dropped too: peer parsers return fragments that end in "\n",
 * which says nothing about the author's text.
 */
function normalizeForCompare(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

function matches(actual: string, expected: string, mode: NonNullable<CleanCase['match']>): boolean {
  if (mode === 'strip_all_whitespace') return actual.replace(/\s/gu, '') === expected.replace(/\s/gu, '');
  const a = normalizeForCompare(actual);
  const e = normalizeForCompare(expected);
  return mode === 'trim' ? a.trim() === e.trim() : a === e;
}

export function hasOwnTextExpectation(c: CleanCase): boolean {
  return typeof c.expected_visible_text === 'string' || !!c.expected_contains?.length || !!c.expected_not_contains?.length;
}

const preview = (text: string): string => JSON.stringify(text.length > 70 ? `${text.slice(0, 70)}…` : text);

/** Why the case fails, or an empty list when it passes. */
export function judgeCase(c: CleanCase, actual: string): string[] {
  const reasons: string[] = [];
  if (typeof c.expected_visible_text === 'string') {
    const mode = c.match ?? 'exact';
    if (!matches(actual, c.expected_visible_text, mode)) {
      reasons.push(`text differs (${mode}): got ${preview(actual)}, want ${preview(c.expected_visible_text)}`);
    }
  }
  const normalized = normalizeForCompare(actual);
  for (const literal of c.expected_contains ?? []) {
    if (!normalized.includes(normalizeForCompare(literal))) reasons.push(`missing ${preview(literal)}`);
  }
  for (const literal of c.expected_not_contains ?? []) {
    if (normalized.includes(normalizeForCompare(literal))) reasons.push(`should not contain ${preview(literal)}`);
  }
  return reasons;
}

export function toOwnTextInput(c: CleanCase, bytes: Uint8Array): OwnTextInput {
  if (c.input_kind === 'message/rfc822') return { kind: 'eml', content: bytes };
  const content = new TextDecoder('utf-8').decode(bytes);
  return { kind: c.input_kind === 'text/html' ? 'html' : 'plain', content };
}

export interface EvalFailure {
  id: string;
  reasons: string[];
}
export interface EvalSummary {
  cases: number;
  passed: number;
  failures: EvalFailure[];
  /** Cases (counted or not) whose cleaning took longer than SLOW_CASE_MS. */
  slow: { id: string; ms: number }[];
}

export const SLOW_CASE_MS = 500;

/** Runs every case (so crashes and slow inputs show up) and scores those with an own-text expectation. */
export function evaluateCases(cases: readonly CleanCase[], readInput: (inputPath: string) => Uint8Array): EvalSummary {
  const summary: EvalSummary = { cases: 0, passed: 0, failures: [], slow: [] };
  for (const c of cases) {
    const started = performance.now();
    const { text } = extractOwnText(toOwnTextInput(c, readInput(c.input_path)));
    const ms = performance.now() - started;
    if (ms > SLOW_CASE_MS) summary.slow.push({ id: c.id, ms: Math.round(ms) });
    if (!hasOwnTextExpectation(c)) continue;
    summary.cases++;
    const reasons = judgeCase(c, text);
    if (reasons.length === 0) summary.passed++;
    else summary.failures.push({ id: c.id, reasons });
  }
  return summary;
}
