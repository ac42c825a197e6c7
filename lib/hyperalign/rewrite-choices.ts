import { z } from 'zod';
import { textKindSchema } from '../db/records';

// What a person chooses for a rewrite, in a module free of the prompt code (which brings sample
// selection and the style verifier along), because the popup's side of the protocol needs it.

/** A draft is of the same kinds as the samples, so examples of its kind can be found. */
export const draftKindSchema = textKindSchema;
export type DraftKind = z.infer<typeof draftKindSchema>;
export const lengthChoiceSchema = z.enum(['shorter', 'same', 'longer']);
export type LengthChoice = z.infer<typeof lengthChoiceSchema>;
/**
 * A quick adjustment asked for from the in-page card, added to the rewrite request as one more
 * instruction: the same draft, rewritten again a little differently.
 */
export const adjustmentSchema = z.enum(['shorter', 'longer', 'more-like-me', 'warmer', 'more-direct']);
export type Adjustment = z.infer<typeof adjustmentSchema>;
