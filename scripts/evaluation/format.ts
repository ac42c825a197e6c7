import { CONDITION_LABELS } from './conditions';
import type { Pair } from './judge';
import type { Summary } from './statistics';

export function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** "60.0% ± 18.7" (the error in percentage points), or without the error when it cannot be estimated. */
export function winRateText(summary: Summary): string {
  if (summary.mean === null) return '–';
  return summary.standardError === null ? percent(summary.mean) : `${percent(summary.mean)} ± ${(summary.standardError * 100).toFixed(1)}`;
}

export function scoreText(summary: Summary): string {
  if (summary.mean === null) return '–';
  return summary.standardError === null ? summary.mean.toFixed(1) : `${summary.mean.toFixed(1)} ± ${summary.standardError.toFixed(1)}`;
}

export function pairLabel(pair: Pick<Pair, 'x' | 'y'>): string {
  return `${CONDITION_LABELS[pair.x]} vs ${CONDITION_LABELS[pair.y]}`;
}
