import { z } from 'zod';
import type { IdiolectDatabase } from '../db/database';
import { addProfilesWithRecords, type ProfileWithRecords } from '../db/profile-records';
import { listProfiles } from '../db/profiles';
import type { Sample } from '../db/records';
import { looksLikeInstruction, mergeAttributes } from '../hyperalign/refine';
import { emptyAttributes } from '../hyperalign/schema';
import { readAdmissionContext } from '../samples/admission-context';
import { judgeOffer, type AdmissionContext } from '../samples/judge-offer';
import { SOURCE_POLICIES } from '../samples/source-policy';
import { MAX_IMPORT_BYTES, profileExportSchema, type ExportedProfile } from './export-format';

export class ProfileImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileImportError';
  }
}

const TOO_LARGE = `This file is too large to be an Idiolect profile (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`;

export const profileImportSummarySchema = z.object({
  profiles: z.number().int().nonnegative(),
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

/**
 * Adds the profiles of an export file as new profiles, whatever ids the file claims, so an
 * import never overwrites what is already here. Everything is written in one transaction: a
 * file that fails anywhere changes nothing.
 */
export async function importProfiles(db: IdiolectDatabase, fileText: string): Promise<ProfileImportSummary> {
  const file = parseProfileExport(fileText);
  const existingNames = new Set((await listProfiles(db)).map((profile) => profile.name));
  const context = await readAdmissionContext(db);
  const prepared: ProfileWithRecords[] = [];
  for (const entry of file.profiles) prepared.push(await withFreshIds(entry, existingNames, context));
  await addProfilesWithRecords(db, prepared);
  return {
    profiles: prepared.length,
    samples: prepared.reduce((sum, entry) => sum + entry.samples.length, 0),
    hypothesisSets: prepared.reduce((sum, entry) => sum + entry.hypothesisSets.length, 0),
  };
}

/**
 * A file's sample goes through the same admission checks as any other text (quality, redaction,
 * not an Idiolect rewrite); what the person's Idiolect recorded about it (when, where, excluded) is kept.
 */
async function admittedSample(sample: Sample, context: AdmissionContext): Promise<Sample | null> {
  const judgement = await judgeOffer(sample, sample.site, sample.source, SOURCE_POLICIES['profile-import'], context);
  if (!judgement.accepted) return null;
  const { text, contentHash, wordCount } = judgement.sample;
  return { ...sample, text, contentHash, wordCount };
}

async function withFreshIds(entry: ExportedProfile, takenNames: Set<string>, context: AdmissionContext): Promise<ProfileWithRecords> {
  const profileId = crypto.randomUUID();
  const name = uniqueName(entry.profile.name, takenNames);
  takenNames.add(name);
  const sampleIds = new Map<string, string>();
  const seenHashes = new Set<string>();
  const samples: Sample[] = [];
  for (const offered of entry.samples) {
    // The file's own hash is not trusted: it decides what counts as a duplicate.
    const sample = await admittedSample(offered, context);
    if (!sample || seenHashes.has(sample.contentHash)) continue;
    seenHashes.add(sample.contentHash);
    const id = crypto.randomUUID();
    sampleIds.set(offered.id, id);
    samples.push({ ...sample, id, profileId });
  }
  const hypothesisSets = entry.hypothesisSets.map((set) => ({
    ...set,
    id: crypto.randomUUID(),
    profileId,
    sampleIds: set.sampleIds.flatMap((id) => sampleIds.get(id) ?? []),
    // A shared file is as untrusted as model output: what reads like an order to a model is dropped.
    // What the person set themselves stays theirs in the imported profile too.
    attributes: { ...mergeAttributes(emptyAttributes, set.attributes), ...(set.attributes.edited && { edited: set.attributes.edited }) },
    hypotheses: set.hypotheses.filter((hypothesis) => !looksLikeInstruction(hypothesis.statement)).map((hypothesis) => ({
      ...hypothesis,
      evidence: hypothesis.evidence.flatMap((item) => {
        const sampleId = sampleIds.get(item.sampleId);
        return sampleId ? [{ ...item, sampleId }] : [];
      }),
    })),
  }));
  return { profile: { ...entry.profile, id: profileId, name }, samples, hypothesisSets };
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let copy = 2; ; copy += 1) {
    const candidate = `${name.slice(0, 70)} (${copy})`;
    if (!taken.has(candidate)) return candidate;
  }
}
