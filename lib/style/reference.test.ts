import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import referenceJson from './reference-population.json' with { type: 'json' };
import { benchStyleScoring, shippedReference } from './index';
import { referenceFileSchema } from './reference';
import { EVIDENCE_CAP, scoreFromLogOdds } from './score';

const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);

describe('shipped reference population', () => {
  const file = referenceFileSchema.parse(referenceJson);

  it('names its source and license and holds many real writers', () => {
    expect(file.source).toMatch(/SpamAssassin/);
    expect(file.license).toMatch(/PDDL-1\.0 AND CC0-1\.0/);
    expect(shippedReference().writers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(file.writers.map((w) => w.id)).size).toBe(file.writers.length);
  });

  const corners = Object.values(file.calibration).flatMap((byQuery) => Object.values(byQuery));

  it('never lets closeness to the profile count against it', () => {
    expect(corners).toHaveLength(4);
    for (const c of corners) expect(Object.values(c.weights).every((w) => w >= 0)).toBe(true);
  });

  it('lets no single kind of evidence carry the score to certainty on its own', () => {
    for (const c of corners) {
      for (const w of Object.values(c.weights)) expect(scoreFromLogOdds(c.bias + w * EVIDENCE_CAP)).toBeLessThanOrEqual(92);
    }
  });

  it('has reference texts of the short lengths users write as well as full mails', () => {
    const { short, long } = file.population.typicalWords;
    expect(short).toBeLessThan(60);
    expect(long).toBeGreaterThan(100);
    const shortWriters = file.writers.filter((w) => w.condition === 'short');
    expect(shortWriters.length).toBeGreaterThanOrEqual(60);
    for (const w of shortWriters) expect(w.words / w.samples).toBeLessThan(80);
  });

  it('fits in a small download', () => {
    expect(JSON.stringify(referenceJson).length).toBeLessThan(600 * 1024);
  });

  it.skipIf(!existsSync(DEV_EMAILS))('contains none of the evaluation authors', () => {
    const evalIds = new Set(
      readFileSync(DEV_EMAILS, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { author: string }).author.replace(/^.*\//, '')),
    );
    expect(file.writers.filter((w) => evalIds.has(w.writer))).toEqual([]);
  });

  it('scores a 300-word text fast enough to run while the user types', () => {
    const bench = benchStyleScoring(300, 20);
    expect(bench.referenceWriters).toBe(file.writers.length);
    expect(bench.medianMs).toBeLessThan(50);
  });
});
