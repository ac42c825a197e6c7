import type { IdiolectDatabase } from './database';
import { rewriteFeedbackSchema, type RewriteFeedback } from './records';

/** How many of the newest verdicts the next refinement reads; older ones stay listed but no longer steer it. */
export const FEEDBACK_FOR_REFINEMENT = 20;

/** Keeps the person's verdict on one rewrite (a second verdict on the same rewrite replaces the first). */
export async function saveRewriteFeedback(db: IdiolectDatabase, feedback: RewriteFeedback): Promise<void> {
  const record = rewriteFeedbackSchema.parse(feedback);
  await db.transaction('rw', [db.profiles, db.rewriteFeedback], async () => {
    if (!(await db.profiles.get(record.profileId))) throw new Error('That voice no longer exists.');
    const earlier = await db.rewriteFeedback.get(record.id);
    await db.rewriteFeedback.put({ ...record, createdAt: earlier?.createdAt ?? record.createdAt });
  });
}

export async function deleteRewriteFeedback(db: IdiolectDatabase, id: string): Promise<void> {
  await db.rewriteFeedback.delete(id);
}

/** A voice's verdicts, newest first; for the profile's list and for refinement. */
export function listRewriteFeedback(db: IdiolectDatabase, profileId: string, limit = Infinity): Promise<RewriteFeedback[]> {
  return db.rewriteFeedback
    .where('[profileId+createdAt]')
    .between([profileId, ''], [profileId, '\uffff'])
    .reverse()
    .limit(limit)
    .toArray();
}

/** One verdict, for the popup to show what the person already said of a rewrite. */
export async function readRewriteFeedback(db: IdiolectDatabase, id: string): Promise<RewriteFeedback | null> {
  return (await db.rewriteFeedback.get(id)) ?? null;
}
