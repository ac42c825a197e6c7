import { z } from 'zod';
import { LlmError } from './errors';
import type { ChatMessage, StructuredMode } from './types';

/** From the strongest constraint to the weakest; a server that rejects one is asked with the next. */
export const STRUCTURED_MODES: readonly StructuredMode[] = ['json_schema', 'json_object', 'text'];

/** Parses a reply that should be JSON but may come in a code fence or with words around it. */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const candidates = [trimmed];
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const balanced = firstBalancedObject(trimmed);
  if (balanced) candidates.push(balanced);
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch {
      // try the next reading
    }
  }
  return {
    ok: false,
    problem: trimmed === '' ? 'The answer was empty.' : 'The answer was not a JSON object (it could not be parsed).',
  };
}

/** The first `{ … }` whose braces balance, ignoring braces inside strings. */
function firstBalancedObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** Zod's issues as short lines a model can act on ("hypotheses.0.confidence: expected number…"). */
export function describeIssues(error: z.ZodError, max = 8): string {
  const lines = error.issues.slice(0, max).map((issue) => `- ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  if (error.issues.length > max) lines.push(`- …and ${error.issues.length - max} more`);
  return lines.join('\n');
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problem: string };

export function validateReply<T>(content: string, schema: z.ZodType<T>): Validation<T> {
  const json = extractJson(content);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: `The JSON did not match the required schema:\n${describeIssues(parsed.error)}` };
}

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * Without server-side schema enforcement the schema has to be in the prompt. The word JSON must
 * appear in the messages for OpenAI's JSON mode, which this also guarantees.
 */
export function withSchemaInstruction(messages: ChatMessage[], schema: z.ZodType, mode: StructuredMode): ChatMessage[] {
  if (mode === 'json_schema') return messages;
  const instruction =
    `Answer with one JSON object only, no prose and no code fence, that validates against this JSON Schema:\n` +
    JSON.stringify(jsonSchemaOf(schema));
  const [first, ...rest] = messages;
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

/** The one repair turn: the model sees its own answer and what was wrong with it. */
export function repairMessages(messages: ChatMessage[], badAnswer: string, problem: string): ChatMessage[] {
  const shown = badAnswer.length > 6000 ? `${badAnswer.slice(0, 6000)}…` : badAnswer;
  return [
    ...messages,
    { role: 'assistant', content: shown },
    {
      role: 'user',
      content: `Your answer could not be used. ${problem}\nAnswer again with the corrected JSON object only, following the same instructions and schema.`,
    },
  ];
}

/** The problem in one paragraph: what was wrong and where, so the person can judge the model. */
function problemInOneParagraph(problem: string): string {
  const [summary = '', ...issues] = problem.split('\n').map((line) => line.replace(/^- /, '').trim());
  const listed = issues.filter(Boolean).slice(0, 4);
  return listed.length === 0 ? summary : `${summary.replace(/:$/, '')}: ${listed.join('; ')}.`;
}

export function invalidOutputError(problem: string, cause?: unknown): LlmError {
  return new LlmError(
    `The model’s answer was not in the expected form, even after it was shown the problem, so nothing was saved. ${problemInOneParagraph(problem)} ` +
      `A larger or more capable model may do better.`,
    'invalid-output',
    { cause },
  );
}
