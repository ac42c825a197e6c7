import { z } from 'zod';
import { hypothesisSetSchema } from '../hyperalign/schema';
import { profileSchema, rewriteFeedbackSchema, sampleSchema } from '../db/records';

export const EXPORT_FORMAT = 'idiolect-profile';
export const EXPORT_FORMAT_VERSION = 1;
/** Far above any real profile; stops a hostile file from exhausting memory before validation. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_SAMPLE_CHARS = 100_000;

const exportedSampleSchema = sampleSchema.extend({ text: z.string().min(1).max(MAX_SAMPLE_CHARS) });

export const exportedProfileSchema = z.object({
  profile: profileSchema,
  samples: z.array(exportedSampleSchema).max(200_000),
  hypothesisSets: z.array(hypothesisSetSchema).max(10_000),
  /** Absent in files from before verdicts on rewrites were kept. */
  rewriteFeedback: z.array(rewriteFeedbackSchema).max(10_000).default([]),
});
export type ExportedProfile = z.infer<typeof exportedProfileSchema>;

/** What "Export" writes: the profile and what was learned, never settings or API keys. */
export const profileExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  profiles: z.array(exportedProfileSchema).min(1).max(100),
});
export type ProfileExport = z.infer<typeof profileExportSchema>;
