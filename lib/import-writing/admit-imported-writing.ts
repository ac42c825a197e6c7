import { z } from 'zod';
import type { IdiolectDatabase } from '../db/database';
import { admitSamples, type Admission } from '../samples/admit-samples';
import type { SampleVerdict } from '../samples/sample-verdict';
import { ImportWritingError } from './errors';
import type { ReadWriting } from './read-writing-result';

export const importSummarySchema = z.object({
  added: z.number().int().nonnegative(),
  /** Texts already stored (or imported twice), kept once. */
  duplicates: z.number().int().nonnegative(),
  /** Texts not stored, counted by reason ("too short"). */
  skipped: z.record(z.string(), z.number().int().positive()),
  /** Messages of an mbox that someone else sent. */
  notOwn: z.number().int().nonnegative(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export interface AdmittedImport {
  admission: Admission;
  summary: ImportSummary;
}

/** Counts the verdicts for the status line; a full storage is an error, since nothing was kept. */
function summarize(verdicts: readonly SampleVerdict[], notOwn: number): ImportSummary {
  const summary: ImportSummary = { added: 0, duplicates: 0, skipped: {}, notOwn };
  for (const verdict of verdicts) {
    if (verdict.status === 'failed') throw new ImportWritingError(verdict.reason);
    if (verdict.status === 'stored') summary.added += 1;
    else if (verdict.status === 'duplicate') summary.duplicates += 1;
    else summary.skipped[verdict.label] = (summary.skipped[verdict.label] ?? 0) + 1;
  }
  return summary;
}

/** The background's half of an import: every text read from the files goes through the admission pipeline, written at once. */
export async function admitImportedWriting(db: IdiolectDatabase, read: ReadWriting): Promise<AdmittedImport> {
  const admission = await admitSamples(db, 'import', read.offers);
  return { admission, summary: summarize(admission.verdicts, read.notOwn) };
}

/** One pasted text becomes one sample, cleaned and judged like everything else. */
export async function admitPastedText(db: IdiolectDatabase, text: string): Promise<AdmittedImport> {
  if (text.trim() === '') throw new ImportWritingError('Paste or type some text first.');
  const admission = await admitSamples(db, 'paste', [{ text, kind: 'other' }]);
  return { admission, summary: summarize(admission.verdicts, 0) };
}
