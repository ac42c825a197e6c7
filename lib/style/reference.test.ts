import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitRole } from '../../scripts/style-reference/corpus';
import referenceJson from './reference-population.json' with { type: 'json' };
import { shippedReference } from './index';
import { referenceFileSchema, withZeroRuns, withoutZeroRuns } from './reference';
import { EVIDENCE_CAP, scoreFromLogOdds } from './score';

const DEV_EMAILS = new URL('../../../shared/data/dev-emails.jsonl', import.meta.url);

describe('shipped reference population', () => {
  const file = referenceFileSchema.parse(referenceJson);

  it('holds many real writers of every genre, each from a named source with its licence', () => {
    expect(file.license).toMatch(/CC BY-SA 4\.0/);
    const genres = new Set(file.writers.map((w) => w.source));
    expect([...genres].sort()).toEqual(file.sources.map((s) => s.id).sort());
    for (const source of file.sources) {
      expect(source.license).not.toBe('');
      expect(file.writers.filter((w) => w.source === source.id && w.condition === 'long').length).toBeGreaterThanOrEqual(15);
    }
    expect(new Set(file.writers.map((w) => w.id)).size).toBe(file.writers.length);
  });

  it('keeps the evaluation writers of the leave-writers-out split out of the reference', () => {
    const corpusWriters = file.writers.filter((w) => w.source !== 'email');
    expect(corpusWriters.filter((w) => splitRole(w.writer.slice(w.source.length + 1)) === 'evaluation')).toEqual([]);
  });

  it('never names the e-text archive the public-domain books were taken from', () => {
    expect(JSON.stringify(referenceJson)).not.toMatch(/gutenberg/i);
  });

  const corners = Object.values(file.calibration).flatMap((byQuery) => Object.values(byQuery));

  it('never lets closeness to the profile count against it', () => {
    expect(corners).toHaveLength(4);
    for (const c of corners) expect(Object.values(c.weights).every((w) => w >= 0)).toBe(true);
  });

  it('lets no single kind of evidence carry the score to certainty on its own', () => {
    // The caps are looser than when every score saturated, so that the author's own texts can
    // score high; one family at its cap still stops short of 100.
    for (const c of corners) {
      for (const w of Object.values(c.weights)) expect(scoreFromLogOdds(c.bias + w * EVIDENCE_CAP)).toBeLessThanOrEqual(98);
    }
  });

  it('has reference texts of the short lengths users write as well as long texts', () => {
    const { short, long } = file.population.typicalWords;
    expect(short).toBeLessThan(60);
    expect(long).toBeGreaterThan(100);
    const shortWriters = file.writers.filter((w) => w.condition === 'short');
    expect(shortWriters.length).toBeGreaterThanOrEqual(60);
    for (const w of shortWriters) expect(w.words / w.samples).toBeLessThan(80);
  });

  it('writes runs of zero counts short and reads them back exactly', () => {
    const counts = [3, 0, 0, 0, 1, 0, 2, 0, 0, 7];
    expect(withZeroRuns(counts)).toEqual([3, -3, 1, 0, 2, -2, 7]);
    expect(withoutZeroRuns(withZeroRuns(counts))).toEqual(counts);
    const writer = file.writers[0]!;
    expect(withoutZeroRuns(writer.char).length).toBeGreaterThan(writer.char.length);
  });

  it('stays within the size the README reports', () => {
    expect(JSON.stringify(referenceJson).length).toBeLessThan(6.5 * 1024 * 1024);
  });

  it.skipIf(!existsSync(DEV_EMAILS))('contains none of the evaluation authors', () => {
    const evalIds = new Set(
      readFileSync(DEV_EMAILS, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { author: string }).author.replace(/^.*\//, '')),
    );
    expect(file.writers.filter((w) => evalIds.has(w.writer.replace(/^.*\//, '')))).toEqual([]);
  });

  it('compares e-mail writers counted over the older vocabulary on the features they know', () => {
    const email = shippedReference().writers.filter((w) => w.source === 'email');
    expect(email.length).toBeGreaterThan(60);
    for (const w of email) {
      expect(w.rates.known.char).toBeLessThan(file.vocabulary.char.length);
      expect(w.rates.counts.char.slice(w.rates.known.char).every((x) => x === 0)).toBe(true);
    }
  });
});
