import { devEmailAuthors, devEmailsAvailable } from '../../tests/support/dev-emails';
import { heldOutWriters, referenceCorpusAvailable } from '../../tests/support/reference-corpus';
import { describe, expect, it } from 'vitest';
import { shortChunks } from './chunks';
import { emptyStyleFingerprint, scoreStyle, styleFingerprintOf, type StyleFingerprint } from './index';

const hasDevEmails = devEmailsAvailable('style score');
const hasReferenceCorpus = referenceCorpusAvailable('style score');

const profileSamples = [
  'Hi all,\n\nThe mirror is back. I moved it to the new box over the weekend and the sync runs every six hours now, so packages should show up faster than before.\n\nCheers,\nDan',
  'Hi all,\n\nSmall heads-up: the build farm will be down on Thursday morning while we swap the disks. Nothing should be lost, but do not start long jobs on Wednesday night.\n\nCheers,\nDan',
];

function score(text: string, profile: StyleFingerprint): number {
  const result = scoreStyle(text, profile);
  if (result.score === null) throw new Error(`no score: ${result.reason}`);
  return result.score;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Another writer's texts in other registers than the profiles below. */
const LEGAL =
  'Pursuant to our agreement dated March 3rd, the Licensee shall remit all outstanding royalties within thirty (30) calendar days of receipt of invoice.';
const TEXT_SPEAK = 'lol yeah no way im going to that thing tonight, too tired. maybe next week?? text me when ur free';
const FORMAL =
  'Dear colleagues, I would like to inform you that the quarterly review has been moved to Thursday afternoon. Please accept my apologies for any inconvenience this may cause.';

/** Each dev author's texts cut into 20-60-word chunks: the first 7 make a profile, chunks of later texts are held out. */
function shortProfiles(): { profile: StyleFingerprint; heldOut: string[] }[] {
  return devEmailAuthors().map((texts) => {
    const chunks = texts.flatMap((text, source) => shortChunks(text, { min: 20, max: 60 }).map((chunk) => ({ chunk, source })));
    const lastProfileSource = chunks[6]!.source;
    return {
      profile: styleFingerprintOf(chunks.slice(0, 7).map((c) => c.chunk)),
      heldOut: chunks.filter((c) => c.source > lastProfileSource).map((c) => c.chunk),
    };
  });
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

  it('says when it is only a rough guess: a short text, or a profile of one or two samples', () => {
    const profile = styleFingerprintOf(profileSamples);
    const short = scoreStyle('Hi all, the mirror is back and the sync runs every six hours now, so packages show up sooner. Cheers, Dan', profile);
    expect(short.score !== null && short.roughGuess).toBe('short-text');
    const long = [profileSamples[0], profileSamples[1], profileSamples[0]].join('\n\n');
    const young = scoreStyle(long, styleFingerprintOf(profileSamples.slice(0, 1)));
    expect(young.score !== null && young.roughGuess).toBe('small-profile');
    const grown = scoreStyle(long, styleFingerprintOf([...profileSamples, ...profileSamples]));
    expect(grown.score !== null && grown.roughGuess).toBeNull();
  });

  it('is deterministic', () => {
    const profile = styleFingerprintOf(profileSamples);
    expect(scoreStyle(profileSamples[0]!, profile)).toEqual(scoreStyle(profileSamples[0]!, structuredClone(profile)));
  });

  // Scoring hundreds of real texts takes seconds on a busy machine.
  it('recognises the rare names and jargon a writer keeps using', () => {
    const profile = styleFingerprintOf([
      'Quick update on Ferrodyne: the quokkaware importer now reads the Zanzibar-7 logs, so the nightly job finishes before standup.',
      'I merged the Ferrodyne fix last night. The quokkaware cache was keeping stale Zanzibar-7 entries around, which explains the odd totals.',
      'Ferrodyne is green again. If the quokkaware dashboard still shows Zanzibar-7 as down, clear the cache and reload the page.',
    ]);
    const ownWords = 'The quokkaware export broke again on Zanzibar-7, so I rolled Ferrodyne back to last week until we find out why it happens.';
    const otherWords = 'The payroll export broke again on the old server, so I rolled the accounts back to last week until we find out why it happens.';
    const own = scoreStyle(ownWords, profile);
    const other = scoreStyle(otherWords, profile);
    if (own.score === null || other.score === null) throw new Error('no score');
    expect(own.evidence.rare).toBeGreaterThan(other.evidence.rare + 1);
    expect(own.score).toBeGreaterThan(other.score);
  });

  describe.skipIf(!hasDevEmails)('on real writers (shared/data/dev-emails.jsonl)', { timeout: 60_000 }, () => {
    it("scores a writer's unseen texts higher than other writers' texts", () => {
      const authors = devEmailAuthors();
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

    it('keeps short texts by other writers well below certainty, and below the writer\'s own', () => {
      const profiles = shortProfiles();
      const same: number[] = [];
      const other: number[] = [];
      profiles.forEach(({ heldOut }, own) =>
        heldOut.forEach((text) => profiles.forEach(({ profile }, j) => (j === own ? same : other).push(score(text, profile)))),
      );
      // Before the reference had short texts, both means were about 95.
      expect(mean(other)).toBeLessThan(50);
      expect(mean(same) - mean(other)).toBeGreaterThanOrEqual(10);
      expect(other.filter((s) => s >= 90).length / other.length).toBeLessThan(0.05);
    });

    it('scores a legal sentence from someone else lower than the writer\'s own short texts', () => {
      const profiles = shortProfiles();
      const own = profiles.map(({ profile, heldOut }) => mean(heldOut.map((text) => score(text, profile))));
      const legal = profiles.map(({ profile }) => score(LEGAL, profile));
      expect(mean(legal)).toBeLessThan(45);
      expect(mean(legal)).toBeLessThan(mean(own) - 10);
      expect(Math.max(...legal)).toBeLessThan(80);
      expect(Math.max(...profiles.map(({ profile }) => score(TEXT_SPEAK, profile)))).toBeLessThan(80);
    });
  });

  describe.skipIf(!hasReferenceCorpus)('on writers of other genres the reference never saw (its evaluation split)', { timeout: 60_000 }, () => {
    const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

    it.each(['speeches-congress', 'forum-comments', 'blog-posts'])('%s: own texts score high, strangers of the same genre low', (file) => {
      const writers = heldOutWriters(file).slice(0, 6);
      const profiles = writers.map((texts) => styleFingerprintOf(texts.slice(0, 7)));
      const own: number[] = [];
      const other: number[] = [];
      let aboveOthers = 0;
      writers.forEach((texts, i) => {
        for (const text of texts.slice(7, 10)) {
          const scores = profiles.map((p) => score(text, p));
          const others = scores.filter((_, j) => j !== i);
          own.push(scores[i]!);
          other.push(...others);
          if (scores[i]! > mean(others)) aboveOthers++;
        }
      });
      expect(aboveOthers / own.length).toBeGreaterThanOrEqual(0.75);
      expect(median(other)).toBeLessThan(50);
      expect(median(own)).toBeGreaterThan(median(other) + 15);
      for (const s of [...own, ...other]) expect(s >= 0 && s <= 100).toBe(true);
    });
  });

  it('does not give every short text 100 against a profile of short texts', () => {
    const profile = styleFingerprintOf([
      'Hi Priya, thanks for the notes on the onboarding doc. I folded in most of them and left two questions in the margin for you.',
      'Team, the offsite is confirmed for the 14th at the lake house. Bring walking shoes, the plan is a long hike after lunch.',
      'Quick update: the invoice went out this morning and finance expects the payment within thirty days, as agreed in the contract.',
      'Hey Tom, could you look at the flaky checkout test before Friday? It failed three times last night and nobody knows why yet.',
    ]);
    const sameVoice = score('Hi Sam, the deploy went fine this morning. I left a note in the runbook about the cache step, could you check it before lunch?', profile);
    // These were 100, 99 and 100 when the reference writers had only long mails.
    for (const text of [TEXT_SPEAK, FORMAL]) {
      expect(score(text, profile)).toBeLessThan(65);
      expect(score(text, profile)).toBeLessThan(sameVoice - 25);
    }
    // The legal sentence shares "within thirty days" and "invoice" with the third sample, and the
    // 9,000 character n-grams count those rarer words: against four short samples it scores 84
    // (59 with 3,000), still below the same voice.
    expect(score(LEGAL, profile)).toBeLessThan(sameVoice - 10);
  });
});
