/** Bench section: how long the local "sounds like you" score takes, which the popup runs as the user types. */
import { benchStyleScoring } from '../../lib/style';
import type { BenchSection } from './types';

export const section: BenchSection = {
  name: 'style-scoring',
  title: 'Local style score (popup, as the user types)',
  async run() {
    return [100, 300, 1000].map((words) => {
      const result = benchStyleScoring(words, 50);
      return {
        measure: `score a ${words}-word text`,
        value: `${result.medianMs.toFixed(2)} ms`,
        note: `median of ${result.runs}, p95 ${result.p95Ms.toFixed(2)} ms, against ${result.referenceWriters} reference fingerprints`,
      };
    });
  },
};
