import { z } from 'zod';
import { hypothesisCategorySchema } from './schema';

/**
 * The shape the model must return when it infers a profile. Fields are nullable rather than
 * optional because OpenAI's strict structured outputs require every property to be present.
 */
export const inferenceOutputSchema = z.object({
  hypotheses: z
    .array(
      z.object({
        category: hypothesisCategorySchema,
        statement: z.string().min(1).max(500),
        evidence: z.array(z.object({ sampleId: z.string(), quote: z.string() })),
        confidence: z.number().min(0).max(1),
      }),
    )
    .min(1)
    .max(40),
  attributes: z.object({
    role: z.string().nullable(),
    domain: z.string().nullable(),
    audiences: z.array(z.string()),
    facts: z.array(z.string()),
  }),
});
export type InferenceOutput = z.infer<typeof inferenceOutputSchema>;
