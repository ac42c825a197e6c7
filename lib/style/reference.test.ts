import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import referenceJson from './reference-population.json' with { type: 'json' };
import { benchStyleScoring, shippedReference } from './index';
import { referenceFileSchema } from './reference';

const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);

describe('shipped reference population', () => {
  const file = referenceFileSchema.parse(referenceJson);

  it('names its source and license and holds many real writers', () => {
    expect(file.source).toMatch(/SpamAssassin/);
    expect(file.license).toMatch(/PDDL-1\.0 AND CC0-1\.0/);
    expect(shippedReference().writers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(file.writers.map((w) => w.id)).size).toBe(file.writers.length);
  });

  it('never lets closeness to the profile count against it', () => {
    expect(Object.values(file.calibration.weights).every((w) => w >= 0)).toBe(true);
  });

  it.skipIf(!existsSync(DEV_EMAILS))('contains none of the evaluation authors', () => {
    const evalIds = new Set(
      readFileSync(DEV_EMAILS, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { author: string }).author.replace(/^.*\//, '')),
    );
    expect(file.writers.filter((w) => evalIds.has(w.id))).toEqual([]);
  });

  it('scores a 300-word text fast enough to run while the user types', () => {
    const bench = benchStyleScoring(300, 20);
    expect(bench.referenceWriters).toBe(file.writers.length);
    expect(bench.medianMs).toBeLessThan(50);
  });
});
