/**
 * What the samples table shows of a profile's samples: which ones (search and filters), in what
 * order, and how each is described. Pure, so a table of 10,000 rows is decided without a browser.
 */
import { textKindSchema, type Sample, type TextKind } from '../db/records';
import { isShortText } from '../text/sample-quality';

/** A bulk action of the table reaches at most this many samples at once. */
export const MAX_BULK_SAMPLES = 20_000;

/** The kinds a sample can be, for the kind filter. */
export const SAMPLE_KINDS: readonly TextKind[] = textKindSchema.options;

export type SampleStatus = 'used' | 'kept-out' | 'flagged';

export const SAMPLE_STATUS_WORDS: Record<SampleStatus, string> = {
  used: 'Used',
  'kept-out': 'Kept out',
  flagged: 'Unlike you',
};

export const SAMPLE_SORTS = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  longest: 'Longest first',
  shortest: 'Shortest first',
  site: 'Site (A–Z)',
} as const;
export type SampleSort = keyof typeof SAMPLE_SORTS;

export interface SampleTableQuery {
  /** Words to find in the text or the site, any case. */
  search: string;
  /** One site, or every site when empty. */
  site: string;
  kind: TextKind | '';
  /** Written on or after this day (YYYY-MM-DD, the person's own calendar), or any day when empty. */
  from: string;
  /** Written on or before this day, or any day when empty. */
  to: string;
  onlyShort: boolean;
  onlyFlagged: boolean;
  sort: SampleSort;
}

export const EVERY_SAMPLE: SampleTableQuery = { search: '', site: '', kind: '', from: '', to: '', onlyShort: false, onlyFlagged: false, sort: 'newest' };

/** Whether any filter or search narrows the table (the sort does not). */
export function isNarrowed(query: SampleTableQuery): boolean {
  return query.search.trim() !== '' || query.site !== '' || query.kind !== '' || query.from !== '' || query.to !== '' || query.onlyShort || query.onlyFlagged;
}

export function sampleStatus(sample: Sample, flagged: ReadonlySet<string>): SampleStatus {
  if (sample.excluded) return 'kept-out';
  return flagged.has(sample.id) ? 'flagged' : 'used';
}

const PREVIEW_CHARS = 120;

/** The start of a text on one line, cut at a word where it is long. */
export function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= PREVIEW_CHARS) return line;
  const cut = line.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// Derived once per stored sample object: the table filters 10,000 of them on each keystroke.
const lowered = new WeakMap<Sample, string>();
const days = new WeakMap<Sample, string>();

function searchableText(sample: Sample): string {
  let text = lowered.get(sample);
  if (text === undefined) {
    text = `${sample.text}\n${sample.site}`.toLowerCase();
    lowered.set(sample, text);
  }
  return text;
}

/** The day a sample was written, in the local calendar, as YYYY-MM-DD (what a date input gives). */
export function localDayOf(sample: Sample): string {
  let day = days.get(sample);
  if (day === undefined) {
    const date = new Date(sample.writtenAt);
    day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    days.set(sample, day);
  }
  return day;
}

function matches(sample: Sample, query: SampleTableQuery, words: readonly string[], flagged: ReadonlySet<string>): boolean {
  if (query.site && sample.site !== query.site) return false;
  if (query.kind && sample.kind !== query.kind) return false;
  if (query.onlyShort && !isShortText(sample.wordCount)) return false;
  if (query.onlyFlagged && (sample.excluded || !flagged.has(sample.id))) return false;
  if (query.from && localDayOf(sample) < query.from) return false;
  if (query.to && localDayOf(sample) > query.to) return false;
  if (words.length > 0) {
    const text = searchableText(sample);
    return words.every((word) => text.includes(word));
  }
  return true;
}

/** The table's default order, and the order the page keeps the profile's samples in. */
export const newestFirst = (a: Sample, b: Sample): number => (a.writtenAt === b.writtenAt ? (a.id < b.id ? 1 : -1) : a.writtenAt < b.writtenAt ? 1 : -1);

const COMPARE: Record<SampleSort, (a: Sample, b: Sample) => number> = {
  newest: newestFirst,
  oldest: (a, b) => -newestFirst(a, b),
  longest: (a, b) => b.wordCount - a.wordCount || newestFirst(a, b),
  shortest: (a, b) => a.wordCount - b.wordCount || newestFirst(a, b),
  site: (a, b) => a.site.localeCompare(b.site) || newestFirst(a, b),
};

/**
 * `samplesShown` for samples already newest first, as the samples table keeps them: the table's
 * default view is then the very same array, neither filtered nor sorted again on every change.
 */
export function samplesShownOfNewestFirst(samples: readonly Sample[], query: SampleTableQuery, flagged: ReadonlySet<string>): readonly Sample[] {
  return query.sort === 'newest' && !isNarrowed(query) ? samples : samplesShown(samples, query, flagged);
}

/** The samples the table lists for `query`, in its order. */
export function samplesShown(samples: readonly Sample[], query: SampleTableQuery, flagged: ReadonlySet<string>): Sample[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  return samples.filter((sample) => matches(sample, query, words, flagged)).sort(COMPARE[query.sort]);
}

/** The sites the profile's samples came from, A–Z, for the site filter. */
export function sitesOf(samples: readonly Sample[]): string[] {
  return [...new Set(samples.map((sample) => sample.site))].sort((a, b) => a.localeCompare(b));
}

/** "12 of 10,000 samples". */
export function describeShown(shown: number, total: number): string {
  return `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} sample${total === 1 ? '' : 's'}`;
}
