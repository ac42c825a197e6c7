import { z } from 'zod';
import { hypothesisCategorySchema } from './schema';

/*
 * The shapes the model must return. Fields are nullable rather than optional because OpenAI's
 * strict structured outputs require every property to be present. Lengths are checked after
 * parsing (long quotes are dropped, long attributes cut) rather than here, so that a slightly
 * long answer is not sent back for repair.
 *
 * Grammar-constrained servers (llama.cpp, and Ollama and LM Studio built on it) enforce the shape
 * but not number ranges or list lengths (`"confidence": -3` came back from llama-server). What can
 * be repaired is repaired while parsing (`overwrite` keeps the range in the JSON Schema sent):
 * a confidence is clamped, an over-long list cut; a statement that is blank or too long is
 * dropped or cut later, with the other unusable ones. Only a wrong shape fails the whole answer.
 */

/** Into [0, 1]; a model that wrote 80 for 80 % meant 0.8. */
function clampConfidence(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value > 1 && value <= 100 ? value / 100 : value));
}

const confidenceSchema = z.number().overwrite(clampConfidence).min(0).max(1);

function atMost<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .overwrite((items) => items.slice(0, max))
    .max(max);
}

const evidenceOutputSchema = z.object({
  sampleId: z.string().describe('The id attribute of the sample, e.g. "s2"'),
  quote: z.string().describe('A short span copied exactly from that sample'),
});

const newHypothesisSchema = z.object({
  category: hypothesisCategorySchema,
  // Also tells a grammar-constrained server (llama.cpp) not to write an empty statement.
  statement: z.string().min(1),
  evidence: z.array(evidenceOutputSchema),
  confidence: confidenceSchema,
});

const attributesOutputSchema = z.object({
  role: z.string().nullable(),
  domain: z.string().nullable(),
  audiences: z.array(z.string()),
  facts: z.array(z.string()),
});

/** A first inference: hypotheses from samples alone. */
export const inferenceOutputSchema = z.object({
  hypotheses: atMost(newHypothesisSchema, 40).min(1),
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
      confidence: confidenceSchema,
    }),
  ),
  added: atMost(newHypothesisSchema, 20),
  attributes: attributesOutputSchema,
});
export type RefinementOutput = z.infer<typeof refinementOutputSchema>;
export type AttributesOutput = z.infer<typeof attributesOutputSchema>;
export type NewHypothesisOutput = z.infer<typeof newHypothesisSchema>;
