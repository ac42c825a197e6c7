import { z } from 'zod';
import { contentHash as duplicateHashOf } from '../text/content-hash';
import type { IdiolectDatabase } from '../db/database';
import type { Profile, Sample } from '../db/records';
import { looksLikeInstruction, mergeAttributes } from '../hyperalign/refine';
import { emptyAttributes, type HypothesisSet } from '../hyperalign/schema';
import { MAX_IMPORT_BYTES, profileExportSchema, type ExportedProfile } from './export-format';

export class ProfileImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileImportError';
  }
}

const TOO_LARGE = `This file is too large to be an Idiolect profile (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`;

export interface ProfileImportSummary {
  profiles: number;
  samples: number;
  hypothesisSets: number;
}

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
export async function importProfileFile(db: IdiolectDatabase, file: Pick<Blob, 'size' | 'text'>): Promise<ProfileImportSummary> {
  if (file.size > MAX_IMPORT_BYTES) throw new ProfileImportError(TOO_LARGE);
  return importProfiles(db, await file.text());
}

/**
 * Adds the profiles of an export file as new profiles, whatever ids the file claims, so an
 * import never overwrites what is already here. Everything is written in one transaction: a
 * file that fails anywhere changes nothing.
 */
export async function importProfiles(db: IdiolectDatabase, fileText: string): Promise<ProfileImportSummary> {
  const file = parseProfileExport(fileText);
  const existingNames = new Set((await db.profiles.toArray()).map((profile) => profile.name));
  const prepared = await Promise.all(file.profiles.map((entry) => withFreshIds(entry, existingNames)));
  await db.transaction('rw', db.profiles, db.samples, db.hypothesisSets, async () => {
    for (const entry of prepared) {
      await db.profiles.add(entry.profile);
      await db.samples.bulkAdd(entry.samples);
      await db.hypothesisSets.bulkAdd(entry.hypothesisSets);
    }
  });
  return {
    profiles: prepared.length,
    samples: prepared.reduce((sum, entry) => sum + entry.samples.length, 0),
    hypothesisSets: prepared.reduce((sum, entry) => sum + entry.hypothesisSets.length, 0),
  };
}

async function withFreshIds(
  entry: ExportedProfile,
  takenNames: Set<string>,
): Promise<{ profile: Profile; samples: Sample[]; hypothesisSets: HypothesisSet[] }> {
  const profileId = crypto.randomUUID();
  const name = uniqueName(entry.profile.name, takenNames);
  takenNames.add(name);
  const sampleIds = new Map<string, string>();
  const seenHashes = new Set<string>();
  const samples: Sample[] = [];
  for (const sample of entry.samples) {
    // The file's own hash is not trusted: it decides what counts as a duplicate.
    const contentHash = await duplicateHashOf(sample.text);
    if (seenHashes.has(contentHash)) continue;
    seenHashes.add(contentHash);
    const id = crypto.randomUUID();
    sampleIds.set(sample.id, id);
    samples.push({ ...sample, id, profileId, contentHash });
  }
  const hypothesisSets = entry.hypothesisSets.map((set) => ({
    ...set,
    id: crypto.randomUUID(),
    profileId,
    sampleIds: set.sampleIds.flatMap((id) => sampleIds.get(id) ?? []),
    // A shared file is as untrusted as model output: what reads like an order to a model is dropped.
    attributes: mergeAttributes(emptyAttributes, set.attributes),
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
