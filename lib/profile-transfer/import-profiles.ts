import { z } from 'zod';
import type { IdiolectDatabase } from '../db/database';
import { addImportedRecords, readImportBaseline } from '../db/profile-records';
import { readAdmissionContext } from '../samples/admission-context';
import { judgeOffer } from '../samples/judge-offer';
import { SOURCE_POLICIES } from '../samples/source-policy';
import { MAX_IMPORT_BYTES, profileExportSchema } from './export-format';
import { planMerge, profileMergePreviewSchema, type AdmitSample, type MergePlan } from './merge-plan';

export class ProfileImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileImportError';
  }
}

const TOO_LARGE = `This file is too large to be an Idiolect profile (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`;

/** What an import added: new profiles, profiles of the file merged into ones here, and the records that were new. */
export const profileImportSummarySchema = z.object({
  profiles: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  hypothesisSets: z.number().int().nonnegative(),
});
export type ProfileImportSummary = z.infer<typeof profileImportSummarySchema>;

export function parseProfileExport(fileText: string): z.infer<typeof profileExportSchema> {
  if (fileText.length > MAX_IMPORT_BYTES) throw new ProfileImportError(TOO_LARGE);
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    throw new ProfileImportError('This file is not an Idiolect profile: it is not JSON.');
  }
  const parsed = profileExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new ProfileImportError(`This file is not a valid Idiolect profile${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return parsed.data;
}

/** Reads an export file the person chose, refusing one too large before reading it into memory. */
export async function readProfileFile(file: Pick<Blob, 'size' | 'text'>): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new ProfileImportError(TOO_LARGE);
  return file.text();
}

/** What importing a file would do, profile by profile, before anything is written. */
export const profileImportPreviewSchema = z.object({ profiles: z.array(profileMergePreviewSchema) });
export type ProfileImportPreview = z.infer<typeof profileImportPreviewSchema>;

/**
 * A file's sample goes through the same admission checks as any other text (quality, redaction,
 * not an Idiolect rewrite); what the person's Idiolect recorded about it (when, where, excluded) is kept.
 */
async function admissionOf(db: IdiolectDatabase): Promise<AdmitSample> {
  const context = await readAdmissionContext(db);
  return async (sample) => {
    const judgement = await judgeOffer(sample, sample.site, sample.source, SOURCE_POLICIES['profile-import'], context);
    if (!judgement.accepted) return null;
    const { text, contentHash, wordCount } = judgement.sample;
    return { ...sample, text, contentHash, wordCount };
  };
}

async function planImport(db: IdiolectDatabase, fileText: string): Promise<MergePlan> {
  const file = parseProfileExport(fileText);
  const baseline = await readImportBaseline(db, {
    sampleIds: file.profiles.flatMap((entry) => entry.samples.map((sample) => sample.id)),
    setIds: file.profiles.flatMap((entry) => entry.hypothesisSets.map((set) => set.id)),
    feedbackIds: file.profiles.flatMap((entry) => entry.rewriteFeedback.map((feedback) => feedback.id)),
  });
  return planMerge(file, baseline, await admissionOf(db));
}

/** What the file holds and what of it is new here; writes nothing. */
export async function previewProfileImport(db: IdiolectDatabase, fileText: string): Promise<ProfileImportPreview> {
  return { profiles: (await planImport(db, fileText)).preview };
}

/**
 * Merges an export file into what is here (see planMerge): nothing is lost, nothing is added
 * twice, so importing the same file again adds nothing. Everything is written in one
 * transaction: a file that fails anywhere changes nothing. Returns what was added and to which profiles.
 */
export async function importProfiles(db: IdiolectDatabase, fileText: string): Promise<ProfileImportSummary & { changedProfileIds: string[] }> {
  const plan = await planImport(db, fileText);
  await addImportedRecords(db, plan.additions, plan.newProfileIds);
  return {
    profiles: plan.newProfileIds.size,
    merged: plan.preview.filter((entry) => entry.into !== null).length,
    samples: plan.additions.reduce((sum, entry) => sum + entry.samples.length, 0),
    hypothesisSets: plan.additions.reduce((sum, entry) => sum + entry.hypothesisSets.length, 0),
    changedProfileIds: plan.additions.map((entry) => entry.profile.id),
  };
}
