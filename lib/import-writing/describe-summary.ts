import type { ImportSummary } from './admit-imported-writing';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The import's outcome in one or two sentences, for the status line. */
export function describeImportSummary(summary: ImportSummary): string {
  const parts = [`Added ${count(summary.added, 'sample', 'samples')}.`];
  if (summary.duplicates > 0) parts.push(`${count(summary.duplicates, 'text was', 'texts were')} already stored.`);
  if (summary.notOwn > 0) parts.push(`${count(summary.notOwn, 'message was', 'messages were')} not yours and left out.`);
  const skipped = Object.entries(summary.skipped);
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, [, n]) => sum + n, 0);
    parts.push(`Skipped ${total}: ${skipped.map(([reason, n]) => `${reason} (${n})`).join(', ')}.`);
  }
  return parts.join(' ');
}
