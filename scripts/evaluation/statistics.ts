/** What a set of per-prompt scores says: their mean and its standard error (sample SD / √n). */
export interface Summary {
  mean: number | null;
  /** Null below two values, where the spread cannot be estimated. */
  standardError: number | null;
  n: number;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n − 1 in the denominator) over √n. */
export function standardError(values: readonly number[]): number | null {
  const n = values.length;
  const average = mean(values);
  if (average === null || n < 2) return null;
  const variance = values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (n - 1);
  return Math.sqrt(variance) / Math.sqrt(n);
}

export function summarize(values: readonly number[]): Summary {
  return { mean: mean(values), standardError: standardError(values), n: values.length };
}
