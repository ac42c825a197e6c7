import { z } from 'zod';
import { draftKindSchema, lengthChoiceSchema } from '../hyperalign/rewrite-choices';
import { fidelityReportSchema } from './fidelity';

/** Streaming needs a long-lived port: one per rewrite, and closing it cancels the rewrite. */
export const REWRITE_PORT_NAME = 'idiolect-rewrite';

export const rewriteStartSchema = z.object({
  type: z.literal('start'),
  draft: z.string().trim().min(1, 'Type or paste a draft first.').max(20_000, 'The draft is too long (over 20,000 characters).'),
  /** What the draft is: an email (reply), a post, a comment. */
  kind: draftKindSchema.default('email'),
  length: lengthChoiceSchema.default('same'),
  /** The voice to write in (the popup's "Voice"); the active profile when absent or gone. */
  profileId: z.string().min(1).max(100).optional(),
});
export type RewriteStart = z.input<typeof rewriteStartSchema>;

export const rewriteEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delta'), text: z.string() }),
  /** `text` is the final rewrite (tidied); `fidelity` lists the draft's facts it lost or added. */
  z.object({
    type: z.literal('done'),
    text: z.string(),
    fidelity: fidelityReportSchema,
    /** The voice it was written in and the hypotheses of its current version that guided it. */
    profileId: z.string(),
    setId: z.string(),
    guidedBy: z.array(z.object({ id: z.string(), statement: z.string() })),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type RewriteEvent = z.infer<typeof rewriteEventSchema>;
