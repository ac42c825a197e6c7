import { z } from 'zod';
import { hypothesisCategorySchema } from './schema';

/*
 * The shapes the model must return. Fields are nullable rather than optional because OpenAI's
 * strict structured outputs require every property to be present. Lengths are checked after
 * parsing (long quotes are dropped, long attributes cut) rather than here, so that a slightly
 * long answer is not sent back for repair.
 */

const evidenceOutputSchema = z.object({
  sampleId: z.string().describe('The id attribute of the sample, e.g. "s2"'),
  quote: z.string().describe('A short span copied exactly from that sample'),
});

const newHypothesisSchema = z.object({
  category: hypothesisCategorySchema,
  statement: z.string().min(1),
  evidence: z.array(evidenceOutputSchema),
  confidence: z.number().min(0).max(1),
});

const attributesOutputSchema = z.object({
  role: z.string().nullable(),
  domain: z.string().nullable(),
  audiences: z.array(z.string()),
  facts: z.array(z.string()),
});

/** A first inference: hypotheses from samples alone. */
export const inferenceOutputSchema = z.object({
  hypotheses: z.array(newHypothesisSchema).min(1).max(40),
  attributes: attributesOutputSchema,
});
export type InferenceOutput = z.infer<typeof inferenceOutputSchema>;

/** A refinement: a verdict on each current hypothesis (by its ref, "H1"), then any new ones. */
export const refinementOutputSchema = z.object({
  reviewed: z.array(
    z.object({
      ref: z.string(),
      verdict: z.enum(['confirm', 'revise', 'retire']),
      statement: z.string().nullable().describe('The revised statement when the verdict is "revise", else null'),
      evidence: z.array(evidenceOutputSchema),
      confidence: z.number().min(0).max(1),
    }),
  ),
  added: z.array(newHypothesisSchema).max(20),
  attributes: attributesOutputSchema,
});
export type RefinementOutput = z.infer<typeof refinementOutputSchema>;
export type AttributesOutput = z.infer<typeof attributesOutputSchema>;
export type NewHypothesisOutput = z.infer<typeof newHypothesisSchema>;
