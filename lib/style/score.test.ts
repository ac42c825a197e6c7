import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyStyleFingerprint, scoreStyle, styleFingerprintOf, type StyleFingerprint } from './index';

const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);
const hasDevEmails = existsSync(DEV_EMAILS);
if (!hasDevEmails) console.warn(`style score: ${DEV_EMAILS.pathname} is absent, skipping the real-writer tests`);

function devAuthors(): string[][] {
  const byAuthor = new Map<string, string[]>();
  for (const line of readFileSync(DEV_EMAILS, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { author, text } = JSON.parse(line) as { author: string; text: string };
    byAuthor.set(author, [...(byAuthor.get(author) ?? []), text]);
  }
  return [...byAuthor.values()];
}

const profileSamples = [
  'Hi all,\n\nThe mirror is back. I moved it to the new box over the weekend and the sync runs every six hours now, so packages should show up faster than before.\n\nCheers,\nDan',
  'Hi all,\n\nSmall heads-up: the build farm will be down on Thursday morning while we swap the disks. Nothing should be lost, but do not start long jobs on Wednesday night.\n\nCheers,\nDan',
];

function score(text: string, profile: StyleFingerprint): number {
  const result = scoreStyle(text, profile);
  if (result.score === null) throw new Error(`no score: ${result.reason}`);
  return result.score;
}

describe('style score', () => {
  it('is an integer from 0 to 100 with its evidence', () => {
    const result = scoreStyle(profileSamples[1]!, styleFingerprintOf(profileSamples.slice(0, 1)));
    expect(result.score).not.toBeNull();
    if (result.score === null) return;
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(Object.values(result.evidence).every(Number.isFinite)).toBe(true);
  });

  it('gives a reason instead of a number when there is too little to go on', () => {
    const profile = styleFingerprintOf(profileSamples);
    expect(scoreStyle('', profile)).toEqual({ score: null, reason: 'too-short' });
    expect(scoreStyle('ok, thanks!', profile)).toEqual({ score: null, reason: 'too-short' });
    expect(scoreStyle(profileSamples[0]!, emptyStyleFingerprint())).toEqual({ score: null, reason: 'empty-profile' });
    expect(scoreStyle(profileSamples[0]!, { ...profile, vocabulary: 'older' })).toEqual({ score: null, reason: 'outdated-profile' });
  });

  it('is deterministic', () => {
    const profile = styleFingerprintOf(profileSamples);
    expect(scoreStyle(profileSamples[0]!, profile)).toEqual(scoreStyle(profileSamples[0]!, structuredClone(profile)));
  });

  describe.skipIf(!hasDevEmails)('on real writers (shared/data/dev-emails.jsonl)', () => {
    it("scores a writer's unseen texts higher than other writers' texts", () => {
      const authors = devAuthors();
      const profiles = authors.map((texts) => styleFingerprintOf(texts.slice(0, 7)));
      let attributed = 0;
      let queries = 0;
      authors.forEach((texts, own) => {
        for (const text of texts.slice(7)) {
          const scores = profiles.map((p) => score(text, p));
          const others = scores.filter((_, j) => j !== own);
          expect(scores[own]).toBeGreaterThan(others.reduce((a, b) => a + b, 0) / others.length);
          if (scores[own]! >= Math.max(...others)) attributed++;
          queries++;
        }
      });
      expect(attributed / queries).toBeGreaterThanOrEqual(0.8);
    });
  });
});
