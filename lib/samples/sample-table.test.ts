import { describe, expect, it } from 'vitest';
import type { Sample } from '../db/records';
import { describeSampleCounts } from './describe-sample-counts';
import { EVERY_SAMPLE, describeShown, isNarrowed, newestFirst, previewOf, sampleStatus, samplesShown, samplesShownOfNewestFirst, sitesOf, type SampleTableQuery } from './sample-table';

function sample(id: string, overrides: Partial<Sample>): Sample {
  const text = overrides.text ?? `Text of ${id} with enough words to count as a proper sample of someone writing about their week at work.`;
  return {
    id,
    profileId: 'p',
    text,
    contentHash: `hash-${id}`,
    site: 'mail.example.com',
    kind: 'email',
    source: 'harvest',
    language: 'en',
    recipientDomain: null,
    wordCount: text.split(/\s+/).length,
    writtenAt: '2026-03-10T12:00:00.000Z',
    storedAt: '2026-03-10T12:00:00.000Z',
    excluded: false,
    ...overrides,
  };
}

const SAMPLES = [
  sample('a', { writtenAt: '2026-01-05T12:00:00.000Z', site: 'forum.example.org', kind: 'post', text: 'Short reply about the Release.' }),
  sample('b', { writtenAt: '2026-02-05T12:00:00.000Z', excluded: true }),
  sample('c', { writtenAt: '2026-03-05T12:00:00.000Z', text: 'The release notes are ready for review; I moved the migration section up and trimmed the intro so it reads faster.' }),
  sample('d', { writtenAt: '2026-04-05T12:00:00.000Z', site: 'chat.example.net', kind: 'comment' }),
];
const ids = (query: Partial<SampleTableQuery>, flagged: ReadonlySet<string> = new Set()) => samplesShown(SAMPLES, { ...EVERY_SAMPLE, ...query }, flagged).map(({ id }) => id);

describe('which samples the table lists, and in what order', () => {
  it('lists every sample newest first by default, and narrows nothing', () => {
    expect(ids({})).toEqual(['d', 'c', 'b', 'a']);
    expect(isNarrowed(EVERY_SAMPLE)).toBe(false);
  });

  it('finds every word of the search in the text or the site, in any case', () => {
    expect(ids({ search: 'RELEASE' })).toEqual(['c', 'a']);
    expect(ids({ search: 'release review' })).toEqual(['c']);
    expect(ids({ search: 'forum' })).toEqual(['a']);
    expect(isNarrowed({ ...EVERY_SAMPLE, search: 'x' })).toBe(true);
  });

  it('filters by site, kind, date range, short texts and flagged ones', () => {
    expect(ids({ site: 'mail.example.com' })).toEqual(['c', 'b']);
    expect(ids({ kind: 'comment' })).toEqual(['d']);
    expect(ids({ from: '2026-02-01', to: '2026-03-31' })).toEqual(['c', 'b']);
    expect(ids({ onlyShort: true })).toEqual(['a']);
    // A kept-out sample is no longer "unlike you": it is out already.
    expect(ids({ onlyFlagged: true }, new Set(['b', 'd']))).toEqual(['d']);
  });

  it('lists samples kept newest first as they are, and filters and sorts them like any others when asked', () => {
    const kept = [...SAMPLES].sort(newestFirst);
    expect(samplesShownOfNewestFirst(kept, EVERY_SAMPLE, new Set())).toBe(kept);
    for (const query of [{ sort: 'oldest' }, { search: 'release' }, { kind: 'comment' }, { onlyFlagged: true }] satisfies Partial<SampleTableQuery>[]) {
      const asked = { ...EVERY_SAMPLE, ...query };
      expect(samplesShownOfNewestFirst(kept, asked, new Set(['d'])).map(({ id }) => id)).toEqual(samplesShown(SAMPLES, asked, new Set(['d'])).map(({ id }) => id));
    }
  });

  it('sorts by date either way, by length and by site', () => {
    expect(ids({ sort: 'oldest' })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ sort: 'shortest' })[0]).toBe('a');
    expect(ids({ sort: 'longest' })[0]).toBe('c');
    expect(ids({ sort: 'site' })).toEqual(['d', 'a', 'c', 'b']);
  });
});

describe('how the table describes samples', () => {
  it('gives each a status, kept out before flagged', () => {
    expect(sampleStatus(SAMPLES[0]!, new Set())).toBe('used');
    expect(sampleStatus(SAMPLES[0]!, new Set(['a']))).toBe('flagged');
    expect(sampleStatus(SAMPLES[1]!, new Set(['b']))).toBe('kept-out');
  });

  it('previews a long text on one line, cut at a word', () => {
    expect(previewOf('Hi Sam,\n\nsee you at 3.')).toBe('Hi Sam, see you at 3.');
    const preview = previewOf('word '.repeat(60));
    expect(preview.endsWith('word…')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(121);
  });

  it('lists the sites A–Z and counts the same way as the popup', () => {
    expect(sitesOf(SAMPLES)).toEqual(['chat.example.net', 'forum.example.org', 'mail.example.com']);
    expect(describeShown(2, 10_000)).toBe('2 of 10,000 samples');
    expect(describeSampleCounts(4, 1)).toBe('4 samples (1 kept out)');
    expect(describeSampleCounts(1, 0)).toBe('1 sample');
  });
});
