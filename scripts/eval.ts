// The HyPerAlign evaluation harness: `npm run eval -- --help` for the options.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliOptions, USAGE, UsageError } from './evaluation/cli-options';
import { describeFailure } from './evaluation/describe-failure';
import { EvaluationError } from './evaluation/errors';
import { pairLabel, winRateText } from './evaluation/format';
import { runEvaluation, type EvaluationConfig } from './evaluation/run';

async function main(): Promise<number> {
  let config: EvaluationConfig | null;
  try {
    config = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (config === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { results, files } = await runEvaluation(config, process.stderr);
    for (const pair of results.overall.winRates) process.stdout.write(`${pairLabel(pair)}: ${winRateText(pair.winRate)}\n`);
    process.stdout.write(`Report: ${files.report}\nResults: ${files.results}\n`);
    return 0;
  } catch (error) {
    const cache = join(config.outDir, 'cache.jsonl');
    const resumable = error instanceof EvaluationError || !existsSync(cache) ? '' : ` Answers received so far are kept in ${cache}: the same command resumes.`;
    process.stderr.write(`\nEvaluation failed: ${describeFailure(error, config)}\nNo results were written.${resumable}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
