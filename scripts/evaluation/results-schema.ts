import { z } from 'zod';
import { hypothesisCategorySchema, tokenUsageSchema, userAttributesSchema } from '../../lib/hyperalign/schema';
import { CONDITIONS } from './conditions';
import { pairIdSchema } from './judge';

const conditionSchema = z.enum(CONDITIONS);
/** The style table also scores the held-out originals: what a real text by the author gets. */
export const styleRowSchema = z.enum([...CONDITIONS, 'original'] as const);
export type StyleRow = z.infer<typeof styleRowSchema>;

const summarySchema = z.object({
  mean: z.number().nullable(),
  standardError: z.number().nullable(),
  n: z.number().int().nonnegative(),
});

export const pairResultSchema = z.object({
  pair: pairIdSchema,
  x: conditionSchema,
  y: conditionSchema,
  /** X's mean pair score over prompts (1 win, 0.5 split, 0 loss), with its standard error. */
  winRate: summarySchema,
  /** Share of prompts whose two orders picked the same candidate. */
  positionConsistency: z.number().min(0).max(1).nullable(),
});
export type PairResult = z.infer<typeof pairResultSchema>;

export const styleResultSchema = z.object({
  row: styleRowSchema,
  /** Mean 0–100 style score over the texts long enough to score. */
  score: summarySchema,
  unscored: z.number().int().nonnegative(),
});
export type StyleResult = z.infer<typeof styleResultSchema>;

const scoredTextSchema = z.object({ text: z.string(), styleScore: z.number().nullable() });

const judgementSchema = z.object({
  pair: pairIdSchema,
  /** The verdict with X shown as A, then with X shown as B. */
  whenXIsA: z.object({ moreLikely: z.enum(['A', 'B']), reason: z.string() }),
  whenXIsB: z.object({ moreLikely: z.enum(['A', 'B']), reason: z.string() }),
  scoreForX: z.number().min(0).max(1),
  positionConsistent: z.boolean(),
});

export const promptResultSchema = z.object({
  author: z.string(),
  sourceId: z.string(),
  instruction: z.string(),
  /** The id of the profile sample the judge saw as the author's reference text. */
  referenceId: z.string(),
  original: scoredTextSchema,
  outputs: z.record(conditionSchema, scoredTextSchema),
  judgements: z.array(judgementSchema),
});
export type PromptResult = z.infer<typeof promptResultSchema>;

export const authorResultSchema = z.object({
  author: z.string(),
  sampleIds: z.array(z.string()),
  prompts: z.number().int().nonnegative(),
  hypotheses: z.array(z.object({ category: hypothesisCategorySchema, statement: z.string(), confidence: z.number() })),
  attributes: userAttributesSchema,
  winRates: z.array(pairResultSchema),
  style: z.array(styleResultSchema),
});
export type AuthorResult = z.infer<typeof authorResultSchema>;

export const STAGES = ['inference', 'generation:hyperalign', 'generation:few-shot', 'generation:zero-shot', 'judge'] as const;
const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const evaluationResultsSchema = z.object({
  format: z.literal('idiolect-eval/1'),
  finishedAt: z.iso.datetime(),
  config: z.object({
    data: z.string(),
    baseURL: z.string(),
    model: z.string(),
    judgeModel: z.string(),
    k: z.number().int().positive(),
    authors: z.number().int().positive().nullable(),
    perAuthor: z.number().int().positive().nullable(),
    temperature: z.number(),
  }),
  skippedAuthors: z.array(z.object({ author: z.string(), texts: z.number().int() })),
  overall: z.object({
    authors: z.number().int().nonnegative(),
    prompts: z.number().int().nonnegative(),
    winRates: z.array(pairResultSchema),
    style: z.array(styleResultSchema),
  }),
  authors: z.array(authorResultSchema),
  tokens: z.array(z.object({ stage: stageSchema, calls: z.number().int().nonnegative(), usage: tokenUsageSchema })),
  /** Model answers the run needed, and how many came from the cache instead of the endpoint. */
  answers: z.object({ total: z.number().int().nonnegative(), fromCache: z.number().int().nonnegative() }),
  prompts: z.array(promptResultSchema),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;
