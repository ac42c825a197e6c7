/**
 * Bench section: storing samples and choosing the inference set among 10,000 of them, with the
 * product's own database code (fake IndexedDB in Node, which is slower than the browser's).
 */
import 'fake-indexeddb/auto';
import { IdiolectDatabase } from '../../lib/db/database';
import { ensureActiveProfile } from '../../lib/db/profiles';
import { inferenceBudgetFor, selectSamplesForInference } from '../../lib/hyperalign/select-samples';
import { loadInferenceCandidates } from '../../lib/inference/candidates';
import { syntheticSample } from './hyperalign-tokens';
import type { BenchRow, BenchSection } from './types';

const STORED = 10_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

export const section: BenchSection = {
  name: 'storage',
  title: 'Storing 10,000 samples and choosing the inference set among them',
  async run(): Promise<BenchRow[]> {
    const inserts: number[] = [];
    const selections: number[] = [];
    let chosen = 0;
    for (let run = 0; run < RUNS; run++) {
      const db = new IdiolectDatabase(`bench-storage-${crypto.randomUUID()}`);
      const profile = await ensureActiveProfile(db);
      const samples = Array.from({ length: STORED }, (_, i) => syntheticSample(profile.id, i));
      let started = performance.now();
      await db.samples.bulkAdd(samples);
      inserts.push(performance.now() - started);
      started = performance.now();
      const candidates = await loadInferenceCandidates(db, profile.id);
      chosen = selectSamplesForInference(candidates, inferenceBudgetFor(8_192, 1_200)).length;
      selections.push(performance.now() - started);
      db.close();
      await db.delete();
    }
    return [
      { measure: `insert ${STORED.toLocaleString('en-US')} samples`, value: `${median(inserts)} ms`, note: `median of ${RUNS}, one bulk write`, metric: { name: 'store_insert_10k_ms', value: median(inserts) } },
      {
        measure: `choose the inference set among ${STORED.toLocaleString('en-US')}`,
        value: `${median(selections)} ms`,
        note: `median of ${RUNS}; reads the recent window, ${chosen} chosen`,
        metric: { name: 'select_inference_set_10k_ms', value: median(selections) },
      },
    ];
  },
};
