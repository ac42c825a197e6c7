import type { ProfileImportPreview, ProfileImportSummary } from './import-profiles';
import type { ProfileMergePreview } from './merge-plan';

export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One profile of a file, in words: where it goes and what of it is new. */
export function describeMergePreview(entry: ProfileMergePreview): { title: string; details: string } {
  const title = entry.into === null ? `“${entry.name}”: a new voice` : entry.into === entry.name ? `“${entry.name}”: already here, merged` : `“${entry.name}”: merged into “${entry.into}”`;
  const samples = `${counted(entry.samples.inFile, 'sample')} (${entry.samples.new} new, ${entry.samples.alreadyHere} already here${entry.samples.refused > 0 ? `, ${entry.samples.refused} not kept` : ''})`;
  const versions = `${counted(entry.hypothesisSets.inFile, 'learned version')} (${entry.hypothesisSets.new} new)`;
  const verdicts = entry.rewriteFeedback.inFile > 0 ? `, ${counted(entry.rewriteFeedback.inFile, 'verdict')} on rewrites (${entry.rewriteFeedback.new} new)` : '';
  return { title, details: `${samples}, ${versions}${verdicts}` };
}

/** Whether importing would add anything at all. */
export function importAddsSomething(preview: ProfileImportPreview): boolean {
  return preview.profiles.some((entry) => entry.into === null || entry.samples.new > 0 || entry.hypothesisSets.new > 0 || entry.rewriteFeedback.new > 0);
}

export function describePreviewTotals(preview: ProfileImportPreview): string {
  if (!importAddsSomething(preview)) return 'Everything in this file is already here: importing it would add nothing.';
  const samples = preview.profiles.reduce((sum, entry) => sum + entry.samples.new, 0);
  const versions = preview.profiles.reduce((sum, entry) => sum + entry.hypothesisSets.new, 0);
  const verdicts = preview.profiles.reduce((sum, entry) => sum + entry.rewriteFeedback.new, 0);
  const voices = preview.profiles.filter((entry) => entry.into === null).length;
  const parts = [counted(samples, 'sample'), counted(versions, 'learned version'), ...(verdicts > 0 ? [`${counted(verdicts, 'verdict')} on rewrites`] : [])];
  const listed = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Importing adds ${listed}${voices > 0 ? `, in ${counted(voices, 'new voice')}` : ''}. Nothing here is replaced.`;
}

export function describeImportSummary(summary: ProfileImportSummary): string {
  const into = [summary.profiles > 0 ? counted(summary.profiles, 'new voice') : null, summary.merged > 0 ? `${counted(summary.merged, 'voice')} already here` : null]
    .filter(Boolean)
    .join(' and ');
  return `Imported ${counted(summary.samples, 'sample')} and ${counted(summary.hypothesisSets, 'learned version')} into ${into || 'no voice'}.`;
}
