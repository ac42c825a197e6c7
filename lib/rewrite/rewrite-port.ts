import { z } from 'zod';
import { adjustmentSchema, draftKindSchema, lengthChoiceSchema } from '../hyperalign/rewrite-choices';
import { fidelityReportSchema } from './fidelity';

/** Streaming needs a long-lived port: one per rewrite, and closing it cancels the rewrite. */
export const REWRITE_PORT_NAME = 'idiolect-rewrite';
/** The in-page card's rewrites: the same stream, opened from a content script. */
export const IN_PAGE_REWRITE_PORT_NAME = 'idiolect-rewrite-in-page';

export const rewriteStartSchema = z.object({
  type: z.literal('start'),
  draft: z.string().trim().min(1, 'Type or paste a draft first.').max(20_000, 'The draft is too long (over 20,000 characters).'),
  /** What the draft is: an email (reply), a post, a comment. */
  kind: draftKindSchema.default('email'),
  length: lengthChoiceSchema.default('same'),
  /** The voice to write in (the popup's "Voice"); the active profile when absent or gone. */
  profileId: z.string().min(1).max(100).optional(),
  /** Without profileId: the host of the page the draft is for, whose own voice (Sites) is used, else the active profile. */
  site: z.string().max(253).optional(),
  /** One more instruction from the in-page card (Shorter, Warmer, …); absent for a plain rewrite. */
  adjustment: adjustmentSchema.optional(),
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
