/**
 * Scores the own-text cleaner on reply-parser fixture cases:
 *   npm run --silent clean:eval -- <cases.jsonl>
 * Failures go to stderr; the last stdout line is {"cases": N, "passed": M}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateCases, parseCaseLines } from '../lib/text/eval-cases';

function readOrExplain(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function main(argv: readonly string[]): number {
  const jsonlPath = argv[0];
  if (!jsonlPath || argv.length > 1) {
    console.error('usage: npm run --silent clean:eval -- <cases.jsonl>');
    return 2;
  }
  const cases = parseCaseLines(readOrExplain(jsonlPath, 'case file').toString('utf8'), jsonlPath);
  const baseDir = path.dirname(path.resolve(jsonlPath));
  const summary = evaluateCases(cases, (inputPath) => readOrExplain(path.resolve(baseDir, inputPath), 'case input'));
  for (const failure of summary.failures) console.error(`FAIL ${failure.id}: ${failure.reasons.join('; ')}`);
  for (const slow of summary.slow) console.error(`SLOW ${slow.id}: ${slow.ms} ms`);
  console.log(JSON.stringify({ cases: summary.cases, passed: summary.passed }));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`clean:eval: ${(error as Error).message}`);
  process.exitCode = 1;
}
