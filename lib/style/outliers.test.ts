import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOutlierSamples } from './index';

const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);
const hasDevEmails = existsSync(DEV_EMAILS);
if (!hasDevEmails) console.warn(`style outliers: ${DEV_EMAILS.pathname} is absent, skipping the real-writer tests`);

function devAuthors(): string[][] {
  const byAuthor = new Map<string, string[]>();
  for (const line of readFileSync(DEV_EMAILS, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { author, text } = JSON.parse(line) as { author: string; text: string };
    byAuthor.set(author, [...(byAuthor.get(author) ?? []), text]);
  }
  return [...byAuthor.values()];
}

describe('outlier samples', () => {
  it('needs a few samples before judging any', () => {
    expect(findOutlierSamples(['one sample', 'another one', 'a third'])).toEqual([]);
  });

  describe.skipIf(!hasDevEmails)('on real writers (shared/data/dev-emails.jsonl)', () => {
    it("flags a text pasted from another writer in most profiles, and few of the writer's own", () => {
      const authors = devAuthors();
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
