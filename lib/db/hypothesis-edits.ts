import { z } from 'zod';
import {
  attributeValuesSchema,
  type AttributeField,
  type AttributeValues,
  hypothesisSchema,
  type Hypothesis,
  type UserAttributes,
} from '../hyperalign/schema';
import type { IdiolectDatabase } from './database';

export const hypothesisChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit'), statement: z.string().max(2_000) }),
  z.object({ kind: z.literal('pin') }),
  z.object({ kind: z.literal('unpin') }),
  z.object({ kind: z.literal('reject') }),
  z.object({ kind: z.literal('restore') }),
]);
export type HypothesisChange = z.infer<typeof hypothesisChangeSchema>;

/**
 * The user's word on a hypothesis. Edited and pinned hypotheses are kept as the user left them
 * by later refinement, and rejected ones stay in the set (hidden) so they are never inferred again.
 */
export function applyHypothesisChange(hypothesis: Hypothesis, change: HypothesisChange): Hypothesis {
  switch (change.kind) {
    case 'edit': {
      // Support counts were for the old wording; the next verification checks the new one.
      const { support: _checkedWording, ...rest } = hypothesis;
      return hypothesisSchema.parse({ ...rest, statement: change.statement.trim(), status: 'edited' });
    }
    case 'pin':
      return { ...hypothesis, status: 'pinned' };
    case 'reject':
      return { ...hypothesis, status: 'rejected' };
    case 'unpin':
    case 'restore':
      return { ...hypothesis, status: 'inferred' };
  }
}

export async function changeHypothesis(
  db: IdiolectDatabase,
  setId: string,
  hypothesisId: string,
  change: HypothesisChange,
): Promise<void> {
  await db.transaction('rw', db.hypothesisSets, async () => {
    const set = await db.hypothesisSets.get(setId);
    if (!set) throw new Error('This profile version no longer exists; reload the page.');
    if (!set.hypotheses.some((hypothesis) => hypothesis.id === hypothesisId)) throw new Error('That hypothesis no longer exists.');
    const hypotheses = set.hypotheses.map((hypothesis) =>
      hypothesis.id === hypothesisId ? applyHypothesisChange(hypothesis, change) : hypothesis,
    );
    await db.hypothesisSets.update(setId, { hypotheses });
  });
}

function cleanValue(value: string | null): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

function cleanList(items: readonly string[]): string[] {
  const kept: string[] = [];
  for (const item of items) {
    const text = cleanValue(item);
    if (text && !kept.some((other) => other.toLowerCase() === text.toLowerCase())) kept.push(text);
  }
  return kept;
}

/**
 * The person's word on "About you": blanks and repeats dropped, and every field that differs from
 * what was stored becomes theirs, so no later refinement changes it.
 */
export function applyAttributesChange(current: UserAttributes, values: AttributeValues): UserAttributes {
  const parsed = attributeValuesSchema.parse(values);
  const next: AttributeValues = {
    role: cleanValue(parsed.role),
    domain: cleanValue(parsed.domain),
    audiences: cleanList(parsed.audiences),
    facts: cleanList(parsed.facts),
  };
  const changed: AttributeField[] = [];
  if (next.role !== current.role) changed.push('role');
  if (next.domain !== current.domain) changed.push('domain');
  if (JSON.stringify(next.audiences) !== JSON.stringify(current.audiences)) changed.push('audiences');
  if (JSON.stringify(next.facts) !== JSON.stringify(current.facts)) changed.push('facts');
  const edited = [...new Set([...(current.edited ?? []), ...changed])];
  return edited.length > 0 ? { ...next, edited } : next;
}

export async function changeAttributes(db: IdiolectDatabase, setId: string, values: AttributeValues): Promise<void> {
  await db.transaction('rw', db.hypothesisSets, async () => {
    const set = await db.hypothesisSets.get(setId);
    if (!set) throw new Error('This profile version no longer exists; reload the page.');
    await db.hypothesisSets.update(setId, { attributes: applyAttributesChange(set.attributes, values) });
  });
}
