/**
 * One row of a benchmark table: what was measured, its value, and a note to read it by. A row
 * that feeds `npm run bench -- --json` also names its figure (`metric`), as a plain number.
 */
export interface BenchRow {
  measure: string;
  value: string | number;
  note?: string;
  metric?: { name: string; value: number };
}

/**
 * A benchmark section. Each module in scripts/bench/ (except this one and targets.ts) exports
 * `section` (and may export more sections, named `…Section`); scripts/bench.ts runs them all, in
 * file-name order, and prints one table per section.
 */
export interface BenchSection {
  /** Short, used to pick sections: `npm run bench -- <name>`. */
  name: string;
  title: string;
  /** A part of the named section, so run only when asked for by its own name (never twice in a whole run). */
  partOf?: string;
  run(): Promise<BenchRow[]>;
}
