/**
 * Bench section: the local "sounds like you" score, which the popup runs as the person types, and
 * the fingerprint work the background does for every sent text and after an import. Uses only the
 * public lib/style API, so it measures what the product calls.
 */
import { addStyleSample, scoreStyle, styleFingerprintOf } from '../../lib/style';
import { SENTENCES } from './hyperalign-tokens';
import type { BenchRow, BenchSection } from './types';

function textOf(words: number, offset: number): string {
  const out: string[] = [];
  for (let i = offset, count = 0; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length]!;
    out.push(sentence, i % 3 === 2 ? '\n\n' : '');
    count += sentence.split(/\s+/).length;
  }
  return out.join(' ');
}

function medianMs(runs: number, work: (run: number) => void): { median: number; p95: number } {
  work(-1);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work(run);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.floor(runs * 0.95)]! };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export const section: BenchSection = {
  name: 'style',
  title: 'Local style score and fingerprint',
  async run(): Promise<BenchRow[]> {
    const profile = styleFingerprintOf([0, 1, 2, 3, 4, 5, 6].map((i) => textOf(150, i)));
    const rows: BenchRow[] = [100, 300, 1000].map((words) => {
      const draft = textOf(words, 3);
      const { median, p95 } = medianMs(50, () => scoreStyle(draft, profile));
      return {
        measure: `score a ${words}-word draft`,
        value: `${round(median)} ms`,
        note: `median of 50, p95 ${round(p95)} ms`,
        ...(words === 300 ? { metric: { name: 'style_score_300w_ms', value: round(median) } } : {}),
      };
    });
    const added = medianMs(50, (run) => addStyleSample(profile, textOf(120, run + 7)));
    rows.push({ measure: 'add one 120-word sample to a fingerprint', value: `${round(added.median)} ms`, note: `median of 50, p95 ${round(added.p95)} ms`, metric: { name: 'style_add_sample_ms', value: round(added.median) } });
    const hundred = Array.from({ length: 100 }, (_, i) => textOf(40 + ((i * 37) % 200), i));
    const built = medianMs(7, () => styleFingerprintOf(hundred));
    rows.push({ measure: 'build a fingerprint from 100 samples', value: `${round(built.median)} ms`, note: `median of 7, 40-240 words each`, metric: { name: 'style_build_100_ms', value: round(built.median) } });
    return rows;
  },
};
