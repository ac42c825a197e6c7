import { z } from 'zod';
import { optionsSectionIdSchema } from '../options/sections';
import { styleFingerprintSchema } from '../style/fingerprint';

export const textKindSchema = z.enum(['email', 'post', 'comment', 'other']);
export type TextKind = z.infer<typeof textKindSchema>;

export const sampleSourceSchema = z.enum(['harvest', 'import', 'selection', 'paste']);

export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof profileSchema>;

export const sampleSchema = z.object({
  id: z.string().min(1),
  profileId: z.string().min(1),
  text: z.string().min(1),
  contentHash: z.string().min(1),
  site: z.string(),
  kind: textKindSchema,
  source: sampleSourceSchema,
  language: z.string().nullable(),
  recipientDomain: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  writtenAt: z.iso.datetime(),
  storedAt: z.iso.datetime(),
  excluded: z.boolean(),
});
export type Sample = z.infer<typeof sampleSchema>;

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed']);
export const inferenceJobSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('infer'),
  profileId: z.string().min(1),
  state: jobStateSchema,
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  error: z.string().nullable(),
  resultSetId: z.string().nullable(),
  /**
   * Set anew each time a worker takes the job; only the holder of the current token may store its
   * result, so a job resumed after the worker was stopped completes exactly once. Optional, so jobs
   * stored before it existed still read; not indexed, so no Dexie version change.
   */
  claimToken: z.string().nullish(),
  /** Last sign of life from the worker running it. */
  heartbeatAt: z.iso.datetime().nullish(),
  /** Asked for by the person ("learn now"): one new sample is enough, where refinement waits for more. */
  forced: z.boolean().nullish(),
  /** For a failed job: the options section where the person can fix it (a missing key: Model). Not indexed: no Dexie version change. */
  fixIn: optionsSectionIdSchema.nullish(),
});
export type InferenceJob = z.infer<typeof inferenceJobSchema>;

export const styleProfileSchema = z.object({
  profileId: z.string().min(1),
  fingerprint: styleFingerprintSchema,
  updatedAt: z.iso.datetime(),
});
export type StyleProfile = z.infer<typeof styleProfileSchema>;

/** What the person said of one finished rewrite: whether it sounds like them, and why. */
export const feedbackVerdictSchema = z.enum(['like-me', 'not-like-me']);
export type FeedbackVerdict = z.infer<typeof feedbackVerdictSchema>;

export const rewriteFeedbackSchema = z.object({
  /** The rewrite's own id: one verdict per rewrite, changed in place when the person changes their mind. */
  id: z.string().min(1).max(100),
  profileId: z.string().min(1).max(100),
  verdict: feedbackVerdictSchema,
  note: z.string().max(1_000).nullable(),
  /** The rewrite as it was judged. */
  rewrite: z.string().min(1).max(20_000),
  /** The hypotheses (of `setId`) the rewrite was guided by, so the next refinement can weigh them. */
  hypothesisIds: z.array(z.string().min(1).max(100)).max(50),
  setId: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
});
export type RewriteFeedback = z.infer<typeof rewriteFeedbackSchema>;

export const settingRecordSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRecord = z.infer<typeof settingRecordSchema>;
