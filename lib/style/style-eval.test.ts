import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, rocAuc } from '../../scripts/style-eval';
import { stripSignoff } from './text';

const dir = mkdtempSync(join(tmpdir(), 'style-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const terse = (i: number) =>
  `ok so the box rebooted again ${i} times!! no idea why. logs say nothing useful, disk is fine, memory is fine. will swap the psu tomorrow and see. ping me if it dies overnight :)\n\n-j`;
const formal = (i: number) =>
  `Dear all,\n\nThank you for your patience during maintenance window ${i}. The migration completed as planned, and all services have been restored. Please report any irregularities to the operations team at your earliest convenience.\n\nKind regards,\nMargaret`;

describe('style:eval command', () => {
  it('prints the figures and, last, one JSON line', () => {
    const file = join(dir, 'tiny.jsonl');
    const records = [
      ...[1, 2, 3].map((i) => ({ author: 'a', text: terse(i) })),
      ...[1, 2, 3].map((i) => ({ author: 'b', text: formal(i), extra: 'ignored' })),
      { author: 'c', text: terse(9) },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const { code, out, err } = run([file, '--k', '2']);
    expect(code).toBe(0);
    expect(err.join('\n')).toMatch(/skipping c: 1 texts/);
    const last = JSON.parse(out[out.length - 1]!) as Record<string, number>;
    expect(last).toMatchObject({ authors: 2, queries: 2, top1: 1, auc: 1 });
    // One own-author score per query, and the own ones above the others, so saturation shows in one line.
    expect(Object.keys(last)).toEqual(['authors', 'queries', 'top1', 'auc', 'own_median', 'other_median']);
    expect(last.own_median).toBeGreaterThan(last.other_median!);
    expect(last.own_median).toBeLessThanOrEqual(100);
  });

  it('measures short chunks of the texts with --chunk, queries never sharing a text with the profile', () => {
    const file = join(dir, 'chunks.jsonl');
    const long = (make: (i: number) => string, i: number) => `${make(i)}\n\n${make(i + 100)}`;
    const records = [1, 2, 3, 4].flatMap((i) => [
      { author: 'a', text: long(terse, i) },
      { author: 'b', text: long(formal, i) },
    ]);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const { code, out } = run([file, '--k', '3', '--chunk', '20-60']);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/chunks of 20-60 words/);
    expect(out.join('\n')).toMatch(/mean score: \d+\.\d against the own author's profile, \d+\.\d against other authors'/);
    // Each text gives two chunks; the first 3 come from texts 1-2, so texts 3-4 give 4 queries per author.
    expect(JSON.parse(out[out.length - 1]!)).toMatchObject({ authors: 2, queries: 8 });
    expect(run([file, '--chunk', '60-20']).code).toBe(2);
  });

  it('fails clearly on a missing file, bad JSON (with its line) and bad options', () => {
    expect(run([join(dir, 'absent.jsonl')])).toMatchObject({ code: 2, err: [expect.stringMatching(/no such file/)] });
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ author: 'a', text: 'x' })}\n{not json\n`);
    expect(run([bad])).toMatchObject({ code: 2, err: [expect.stringMatching(/bad\.jsonl:2: not valid JSON/)] });
    writeFileSync(bad, `${JSON.stringify({ writer: 'a', text: 'x' })}\n`);
    expect(run([bad])).toMatchObject({ code: 2, err: [expect.stringMatching(/bad\.jsonl:1: expected/)] });
    expect(run([bad, '--k', 'seven']).code).toBe(2);
    const ok = join(dir, 'ok.jsonl');
    writeFileSync(ok, `${JSON.stringify({ author: 'a', text: 'x' })}\n`);
    expect(run([ok, '--reference', join(dir, 'absent.json')])).toMatchObject({ code: 2, err: [expect.stringMatching(/no such reference file/)] });
    expect(run([]).code).toBe(2);
  });

  it('strips only a short last line', () => {
    expect(stripSignoff('Long enough body here.\n\nCheers,\nDan')).toBe('Long enough body here.\n\nCheers,');
    expect(stripSignoff('One line only')).toBe('One line only');
    expect(stripSignoff('Body.\nthis last line has more than four words')).toBe('Body.\nthis last line has more than four words');
  });

  it('computes AUC with ties counting one half', () => {
    expect(rocAuc([3, 4], [1, 2])).toBe(1);
    expect(rocAuc([1], [1])).toBe(0.5);
    expect(rocAuc([2], [1, 3])).toBe(0.5);
  });
});
