import { describe, expect, it } from 'vitest';
import { inferenceBudgetFor, selectSamplesForInference, truncateToTokens, type CandidateSample } from './select-samples';

let clock = Date.parse('2025-01-01T00:00:00Z');
function sample(text: string, patch: Partial<CandidateSample> = {}): CandidateSample {
  clock += 60_000;
  return { id: `id-${clock}`, text, kind: 'email', site: 'mail.example.com', recipient: null, storedAt: new Date(clock).toISOString(), ...patch };
}

const wide = { tokenBudget: 10_000, maxSamples: 12, maxTokensPerSample: 800 };

describe('choosing the samples an inference sees', () => {
  it('never shows the same text twice, even re-spaced, re-cased, or quoted inside a later reply', () => {
    const original = sample('Thanks Ben, short answer is yes, we can take the extra ticket.');
    const respaced = sample('thanks ben,  short answer is YES, we can take the extra ticket');
    const quoting = sample('Sure thing.\n> Thanks Ben, short answer is yes, we can take the extra ticket.');
    const other = sample('Morning all, the staging server restarts at 6pm.');
    const chosen = selectSamplesForInference([original, respaced, quoting, other], wide);
    expect(chosen.map((s) => s.id)).toEqual([other.id, quoting.id]);
  });

  it('prefers variety of kind, site and recipient over more of the same, most recent first among equals', () => {
    const emails = Array.from({ length: 8 }, (_, i) => sample(`Work email number ${i} about the release plan and its dates.`, { recipient: 'acme.com' }));
    const comment = sample('Great write-up, the part on caching saved me a day.', { kind: 'comment', site: 'news.ycombinator.com' });
    const post = sample('Notes from a week of rewriting our build scripts in plain make.', { kind: 'post', site: 'blog.example.org' });
    const personal = sample('Hey Mum, landing at 7, no need to pick me up.', { recipient: 'family.net' });
    const older = [comment, post, personal];
    const chosen = selectSamplesForInference([...older, ...emails], { ...wide, maxSamples: 4 });
    expect(new Set(chosen.map((s) => s.kind))).toEqual(new Set(['email', 'comment', 'post']));
    expect(chosen.map((s) => s.id)).toContain(personal.id);
    expect(chosen.map((s) => s.id)).toContain(emails.at(-1)!.id);
  });

  it('among samples of the same kind, site and recipient, adds the one whose style differs most', () => {
    const formal = sample(
      'Dear Mr. Henderson, I am writing to inform you that, regrettably, the shipment has been delayed; kindly accept our sincere apologies for any inconvenience caused.',
    );
    const terse = [
      'ok cool. ship it fri. ping me if stuck',
      'yep works. merged. thx!!',
      'nope not today. tmrw maybe. lol',
      'done. logs look fine now. ttyl',
    ].map((text) => sample(text));
    const chosen = selectSamplesForInference([...terse].reverse().concat(formal), { ...wide, maxSamples: 2 });
    expect(chosen.map((s) => s.id)).toEqual([terse.at(-1)!.id, formal.id]);
  });

  it('stays within the token budget, cutting a long sample rather than dropping everything', () => {
    const long = sample(`${'This sentence is part of a very long message. '.repeat(200)}The end.`);
    const short = Array.from({ length: 20 }, (_, i) => sample(`Short reply ${i}: yes, Thursday works for me, see you there.`));
    const chosen = selectSamplesForInference([long, ...short], { tokenBudget: 400, maxSamples: 12, maxTokensPerSample: 150 });
    const spent = chosen.reduce((sum, s) => sum + Math.ceil(s.text.length / 4), 0);
    expect(spent).toBeLessThanOrEqual(400);
    expect(chosen.length).toBeGreaterThan(3);
    const cut = chosen.find((s) => s.id === long.id);
    expect(cut?.text.endsWith('…')).toBe(true);
    expect(cut!.text.length).toBeLessThanOrEqual(150 * 4 + 2);
  });

  it('for a refinement, shows the new samples first and keeps a few earlier ones for continuity', () => {
    const earlier = Array.from({ length: 10 }, (_, i) => sample(`Earlier text ${i} that the profile was inferred from, with some words.`));
    const fresh = Array.from({ length: 3 }, (_, i) => sample(`New text ${i} that arrived after the profile, with other words.`));
    const chosen = selectSamplesForInference([...earlier, ...fresh], { ...wide, maxSamples: 6, previouslySeen: new Set(earlier.map((s) => s.id)), earlierSamples: 3 });
    expect(chosen.slice(0, 3).map((s) => s.id).sort()).toEqual(fresh.map((s) => s.id).sort());
    expect(chosen.slice(3).every((s) => earlier.some((e) => e.id === s.id))).toBe(true);
    expect(chosen).toHaveLength(6);
  });

  it('sizes the budget to the model: small for a 4k local model, capped for a 128k hosted one', () => {
    const small = inferenceBudgetFor(4_096, 700);
    const large = inferenceBudgetFor(128_000, 700);
    expect(small.tokenBudget + 700 + 1_800).toBeLessThanOrEqual(4_096);
    expect(small.tokenBudget).toBeGreaterThan(800);
    expect(large.tokenBudget).toBe(6_000);
  });

  it('cuts at a sentence end when there is one near the limit', () => {
    const text = 'First sentence here. Second sentence follows it. Third one is long enough to be cut somewhere.';
    expect(truncateToTokens(text, 14)).toBe('First sentence here. Second sentence follows it. …');
  });
});
