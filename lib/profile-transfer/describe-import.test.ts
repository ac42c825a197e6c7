import { describe, expect, it } from 'vitest';
import { describeImportSummary, describeMergePreview, describePreviewTotals } from './describe-import';

const entry = (into: string | null, samplesNew: number, setsNew: number) => ({
  name: 'Work email',
  into,
  samples: { inFile: 4, new: samplesNew, alreadyHere: 4 - samplesNew, refused: 0 },
  hypothesisSets: { inFile: 1, new: setsNew, alreadyHere: 1 - setsNew },
  rewriteFeedback: { inFile: 0, new: 0, alreadyHere: 0 },
});

describe('what an import says', () => {
  it('names where each profile of the file goes and what of it is new', () => {
    expect(describeMergePreview(entry(null, 4, 1))).toEqual({ title: '“Work email”: a new voice', details: '4 samples (4 new, 0 already here), 1 learned version (1 new)' });
    expect(describeMergePreview(entry('Work email', 1, 0)).title).toBe('“Work email”: already here, merged');
    expect(describeMergePreview(entry('work EMAIL', 1, 0)).title).toBe('“Work email”: merged into “work EMAIL”');
  });

  it('says when a file would add nothing, and what it would add otherwise', () => {
    expect(describePreviewTotals({ profiles: [entry('Work email', 0, 0)] })).toBe('Everything in this file is already here: importing it would add nothing.');
    expect(describePreviewTotals({ profiles: [entry(null, 4, 1), entry('Blog', 1, 0)] })).toBe(
      'Importing adds 5 samples and 1 learned version, in 1 new voice. Nothing here is replaced.',
    );
  });

  it('counts the verdicts on rewrites a file brings, when it brings any', () => {
    const withVerdicts = { ...entry(null, 4, 1), rewriteFeedback: { inFile: 3, new: 2, alreadyHere: 1 } };
    expect(describeMergePreview(withVerdicts).details).toBe('4 samples (4 new, 0 already here), 1 learned version (1 new), 3 verdicts on rewrites (2 new)');
    expect(describePreviewTotals({ profiles: [withVerdicts] })).toBe('Importing adds 4 samples, 1 learned version and 2 verdicts on rewrites, in 1 new voice. Nothing here is replaced.');
    expect(describePreviewTotals({ profiles: [{ ...entry('Work email', 0, 0), rewriteFeedback: { inFile: 1, new: 1, alreadyHere: 0 } }] })).toMatch(/^Importing adds 0 samples, 0 learned versions and 1 verdict on rewrites\./);
  });

  it('sums up what was imported', () => {
    expect(describeImportSummary({ profiles: 1, merged: 0, samples: 4, hypothesisSets: 1 })).toBe('Imported 4 samples and 1 learned version into 1 new voice.');
    expect(describeImportSummary({ profiles: 0, merged: 2, samples: 0, hypothesisSets: 0 })).toBe('Imported 0 samples and 0 learned versions into 2 voices already here.');
  });
});
