import { devEmailAuthors, devEmailsAvailable } from '../../tests/support/dev-emails';
import { describe, expect, it } from 'vitest';
import { findOutlierSamples } from './index';

const hasDevEmails = devEmailsAvailable('style outliers');

describe('outlier samples', () => {
  it('needs a few samples before judging any', () => {
    expect(findOutlierSamples(['one sample', 'another one', 'a third'])).toEqual([]);
  });

  describe.skipIf(!hasDevEmails)('on real writers (shared/data/dev-emails.jsonl)', { timeout: 60_000 }, () => {
    it("flags a text pasted from another writer in most profiles, and few of the writer's own", () => {
      const authors = devEmailAuthors();
      let foreignFlagged = 0;
      let ownFlagged = 0;
      let own = 0;
      authors.forEach((texts, i) => {
        const pasted = authors[(i + 1) % authors.length]![0]!;
        const samples = [...texts.slice(0, 7), pasted];
        const flagged = findOutlierSamples(samples).map((o) => o.index);
        if (flagged.includes(7)) foreignFlagged++;
        ownFlagged += flagged.filter((index) => index < 7).length;
        own += 7;
      });
      expect(foreignFlagged).toBeGreaterThanOrEqual(6);
      expect(ownFlagged / own).toBeLessThanOrEqual(0.1);
    });
  });
});
