import { z } from 'zod';
import type { ImportBaseline, ProfileWithRecords } from '../db/profile-records';
import type { Profile, Sample } from '../db/records';
import { looksLikeInstruction, mergeAttributes } from '../hyperalign/refine';
import { emptyAttributes, type HypothesisSet } from '../hyperalign/schema';
import { sameProfileName } from '../profiles/profile-names';
import type { ExportedProfile, ProfileExport } from './export-format';

/** What importing a file would do to one of its profiles: shown before anything is written. */
export const profileMergePreviewSchema = z.object({
  /** The profile's name in the file. */
  name: z.string(),
  /** The voice here it merges into (same id, else same name); null: it becomes a new voice. */
  into: z.string().nullable(),
  samples: z.object({
    inFile: z.number().int().nonnegative(),
    new: z.number().int().nonnegative(),
    alreadyHere: z.number().int().nonnegative(),
    /** Failed the checks every text goes through (too short, an Idiolect rewrite, …). */
    refused: z.number().int().nonnegative(),
  }),
  hypothesisSets: z.object({
    inFile: z.number().int().nonnegative(),
    new: z.number().int().nonnegative(),
    alreadyHere: z.number().int().nonnegative(),
  }),
  rewriteFeedback: z.object({
    inFile: z.number().int().nonnegative(),
    new: z.number().int().nonnegative(),
    alreadyHere: z.number().int().nonnegative(),
  }),
});
export type ProfileMergePreview = z.infer<typeof profileMergePreviewSchema>;

export interface MergePlan {
  /** What to add, per profile (a new one, or one here): only records not already here. */
  additions: ProfileWithRecords[];
  newProfileIds: Set<string>;
  preview: ProfileMergePreview[];
}

/** A file's sample after the checks every text goes through, or null when it fails them. */
export type AdmitSample = (sample: Sample) => Promise<Sample | null>;

interface Target {
  profile: Profile;
  isNew: boolean;
  sampleIdByHash: Map<string, string>;
  versions: Set<number>;
  addition: ProfileWithRecords;
}

/**
 * How a file merges into what is here, without losing or duplicating anything: a profile matching
 * one here (by id, else by name) merges into it; a sample whose text that profile already has is
 * the same sample; a version whose id is here is already here. Everything new keeps its ids (so an
 * export brought back after a wipe is exactly what was exported), unless another record here
 * already uses one; a version number the profile already has moves after its newest.
 */
export async function planMerge(file: ProfileExport, baseline: ImportBaseline, admit: AdmitSample): Promise<MergePlan> {
  const targets: Target[] = baseline.profiles.map((profile) => ({
    profile,
    isNew: false,
    sampleIdByHash: new Map(baseline.sampleIdByHash.get(profile.id)),
    versions: new Set(baseline.versions.get(profile.id)),
    addition: { profile, samples: [], hypothesisSets: [], rewriteFeedback: [] },
  }));
  const usedSampleIds = new Set(baseline.takenSampleIds);
  const usedSetIds = new Set(baseline.takenSetIds);
  const usedFeedbackIds = new Set(baseline.takenFeedbackIds);
  const preview: ProfileMergePreview[] = [];

  for (const entry of file.profiles) {
    const { target, created } = targetOf(entry, targets);
    const previewOf: ProfileMergePreview = {
      name: entry.profile.name,
      into: created ? null : target.profile.name,
      samples: { inFile: entry.samples.length, new: 0, alreadyHere: 0, refused: 0 },
      hypothesisSets: { inFile: entry.hypothesisSets.length, new: 0, alreadyHere: 0 },
      rewriteFeedback: { inFile: entry.rewriteFeedback.length, new: 0, alreadyHere: 0 },
    };
    const storedIdOf = new Map<string, string>();
    for (const offered of entry.samples) {
      // The file's own hash is not trusted: it decides what counts as a duplicate.
      const sample = await admit(offered);
      if (!sample) {
        previewOf.samples.refused += 1;
        continue;
      }
      const existing = target.sampleIdByHash.get(sample.contentHash);
      if (existing) {
        storedIdOf.set(offered.id, existing);
        previewOf.samples.alreadyHere += 1;
        continue;
      }
      const id = usedSampleIds.has(offered.id) ? crypto.randomUUID() : offered.id;
      usedSampleIds.add(id);
      storedIdOf.set(offered.id, id);
      target.sampleIdByHash.set(sample.contentHash, id);
      target.addition.samples.push({ ...sample, id, profileId: target.profile.id });
      previewOf.samples.new += 1;
    }
    for (const set of [...entry.hypothesisSets].sort((a, b) => a.version - b.version)) {
      if (usedSetIds.has(set.id)) {
        previewOf.hypothesisSets.alreadyHere += 1;
        continue;
      }
      usedSetIds.add(set.id);
      const version = target.versions.has(set.version) ? Math.max(...target.versions) + 1 : set.version;
      target.versions.add(version);
      target.addition.hypothesisSets.push(withSamplesHere(set, target.profile.id, version, storedIdOf));
      previewOf.hypothesisSets.new += 1;
    }
    // A verdict is about one rewrite: the same rewrite's verdict is already here.
    for (const feedback of entry.rewriteFeedback) {
      if (usedFeedbackIds.has(feedback.id)) {
        previewOf.rewriteFeedback.alreadyHere += 1;
        continue;
      }
      usedFeedbackIds.add(feedback.id);
      target.addition.rewriteFeedback.push({ ...feedback, profileId: target.profile.id });
      previewOf.rewriteFeedback.new += 1;
    }
    preview.push(previewOf);
  }

  const additions = targets.filter(
    (target) => target.isNew || target.addition.samples.length > 0 || target.addition.hypothesisSets.length > 0 || target.addition.rewriteFeedback.length > 0,
  );
  return {
    additions: additions.map((target) => target.addition),
    newProfileIds: new Set(additions.filter((target) => target.isNew).map((target) => target.profile.id)),
    preview,
  };
}

/** The profile here (or planned by an earlier entry of the file) that an entry merges into; else a new one with the file's id. */
function targetOf(entry: ExportedProfile, targets: Target[]): { target: Target; created: boolean } {
  const found = targets.find((target) => target.profile.id === entry.profile.id) ?? targets.find((target) => sameProfileName(target.profile.name, entry.profile.name));
  if (found) return { target: found, created: false };
  const profile = { ...entry.profile, name: entry.profile.name.trim() };
  const created: Target = { profile, isNew: true, sampleIdByHash: new Map(), versions: new Set(), addition: { profile, samples: [], hypothesisSets: [], rewriteFeedback: [] } };
  targets.push(created);
  return { target: created, created: true };
}

/**
 * A file's version as stored here: its samples and evidence pointing at the samples here (a
 * sample already here stands for the file's copy), and, as a shared file is as untrusted as model
 * output, without what reads like an order to a model.
 */
function withSamplesHere(set: HypothesisSet, profileId: string, version: number, storedIdOf: ReadonlyMap<string, string>): HypothesisSet {
  return {
    ...set,
    profileId,
    version,
    sampleIds: set.sampleIds.flatMap((id) => storedIdOf.get(id) ?? []),
    // What the person set themselves stays theirs in the imported profile too.
    attributes: { ...mergeAttributes(emptyAttributes, set.attributes), ...(set.attributes.edited && { edited: set.attributes.edited }) },
    hypotheses: set.hypotheses
      .filter((hypothesis) => !looksLikeInstruction(hypothesis.statement))
      .map((hypothesis) => ({
        ...hypothesis,
        evidence: hypothesis.evidence.flatMap((item) => {
          const sampleId = storedIdOf.get(item.sampleId);
          return sampleId ? [{ ...item, sampleId }] : [];
        }),
      })),
  };
}
