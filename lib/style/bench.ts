/** Timing of the style score as the user types, for scripts/bench.ts. */
import { fingerprintOf } from './fingerprint';
import type { StyleReference } from './reference';
import { scoreText } from './score';
import { shippedReference } from './shipped';

export interface StyleBenchmark {
  readonly words: number;
  readonly referenceWriters: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

const SENTENCES = [
  'Thanks for the quick reply, I had a look at the logs this morning.',
  "It turns out the nightly job didn't run because the disk was full again.",
  'I cleared the old archives, so we should be fine for a few weeks.',
  'Could you check whether the backup from Tuesday is complete?',
  'If not, we can rerun it tonight; it takes about two hours.',
  'Let me know what you think, and sorry for the noise on the list.',
];

function syntheticText(words: number, offset: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = offset; count < words; i++) {
    const sentence = SENTENCES[i % SENTENCES.length]!;
    out.push(sentence);
    count += sentence.split(/\s+/).length;
    if (i % 3 === 2) out.push('\n\n');
  }
  return out.join(' ');
}

/** Scores a `words`-word text against a 7-sample profile `runs` times; milliseconds per score. */
export function benchStyleScoring(words = 300, runs = 50, reference: StyleReference = shippedReference()): StyleBenchmark {
  const profile = fingerprintOf([0, 1, 2, 3, 4, 5, 6].map((i) => syntheticText(150, i)), reference.vocabulary);
  const text = syntheticText(words, 3);
  scoreText(text, profile, reference);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    scoreText(text, profile, reference);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    words,
    referenceWriters: reference.writers.length,
    runs,
    medianMs: times[Math.floor(runs / 2)]!,
    p95Ms: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
  };
}
