import { z } from 'zod';
import { hypothesisSchema, type Hypothesis } from '../hyperalign/schema';
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
