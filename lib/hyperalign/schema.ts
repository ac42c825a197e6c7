import { z } from 'zod';

export const hypothesisCategorySchema = z.enum(['style', 'personality', 'communication']);
export type HypothesisCategory = z.infer<typeof hypothesisCategorySchema>;

export const hypothesisStatusSchema = z.enum(['inferred', 'edited', 'pinned', 'rejected']);
export type HypothesisStatus = z.infer<typeof hypothesisStatusSchema>;

export const evidenceSchema = z.object({
  sampleId: z.string().min(1),
  quote: z.string().min(1).max(400),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** How a hypothesis fared against texts by the person that it was not inferred from. */
export const supportSchema = z.object({
  checked: z.number().int().nonnegative(),
  supported: z.number().int().nonnegative(),
  contradicted: z.number().int().nonnegative(),
});
export type Support = z.infer<typeof supportSchema>;

export const hypothesisSchema = z.object({
  id: z.string().min(1),
  category: hypothesisCategorySchema,
  statement: z.string().min(1).max(500),
  evidence: z.array(evidenceSchema),
  confidence: z.number().min(0).max(1),
  status: hypothesisStatusSchema,
  /**
   * Optional, so sets and export files from before verification still parse; not indexed, so no
   * Dexie version change. Absent when the hypothesis was not checked.
   */
  support: supportSchema.optional(),
});
export type Hypothesis = z.infer<typeof hypothesisSchema>;

export const attributeFieldSchema = z.enum(['role', 'domain', 'audiences', 'facts']);
export type AttributeField = z.infer<typeof attributeFieldSchema>;

/** What the person may set about themselves, each field as they typed it. */
export const attributeValuesSchema = z.object({
  role: z.string().max(200, 'Keep the role under 200 characters.').nullable(),
  domain: z.string().max(200, 'Keep the domain under 200 characters.').nullable(),
  audiences: z.array(z.string().max(200, 'Keep each audience under 200 characters.')).max(10, 'At most 10 audiences.'),
  facts: z.array(z.string().max(300, 'Keep each fact under 300 characters.')).max(15, 'At most 15 facts.'),
});
export type AttributeValues = z.infer<typeof attributeValuesSchema>;

export const userAttributesSchema = attributeValuesSchema.extend({
  /**
   * The fields the person set themselves: a later refinement keeps them exactly as they are.
   * Optional, so versions and export files from before editing still parse (not indexed: no Dexie version).
   */
  edited: z.array(attributeFieldSchema).optional(),
});
export type UserAttributes = z.infer<typeof userAttributesSchema>;

export const tokenUsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

export const hypothesisSetSchema = z.object({
  id: z.string().min(1),
  profileId: z.string().min(1),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  hypotheses: z.array(hypothesisSchema),
  attributes: userAttributesSchema,
  /** The samples the model was shown for this version (not every sample stored). */
  sampleIds: z.array(z.string()),
  /** The version this one refined; null or absent for a first inference. */
  basedOnVersion: z.number().int().positive().nullish(),
  /**
   * Samples stored up to this moment were candidates for this version; later ones are new to it.
   * Absent on versions stored before it existed: their creation time stands in.
   */
  samplesUpTo: z.iso.datetime().nullish(),
  model: z.string(),
  provider: z.string(),
  usage: tokenUsageSchema,
});
export type HypothesisSet = z.infer<typeof hypothesisSetSchema>;

export const emptyAttributes: UserAttributes = { role: null, domain: null, audiences: [], facts: [] };

/** From when on stored samples are new to this version of the profile. */
export function learnedUpTo(set: Pick<HypothesisSet, 'createdAt' | 'samplesUpTo'>): string {
  return set.samplesUpTo ?? set.createdAt;
}
