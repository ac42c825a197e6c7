import { CONDITION_LABELS } from './conditions';
import { pairLabel, percent, scoreText, winRateText } from './format';
import type { EvaluationResults, PairResult, StyleResult } from './results-schema';

const TEXT_BAR_WIDTH = 30;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Bars of block characters, with the 50 % mark shown as "|" where the bar does not cover it. */
export function textBarChart(pairs: readonly PairResult[]): string {
  const labels = pairs.map(pairLabel);
  const width = Math.max(...labels.map((label) => label.length));
  const lines = pairs.map((pair, index) => {
    const share = pair.winRate.mean ?? 0;
    const filled = Math.round(share * TEXT_BAR_WIDTH);
    const cells = Array.from({ length: TEXT_BAR_WIDTH }, (_, cell) => (cell < filled ? '█' : cell === TEXT_BAR_WIDTH / 2 ? '|' : '·'));
    return `${labels[index]!.padEnd(width)}  ${cells.join('')}  ${winRateText(pair.winRate)}`;
  });
  return ['```text', ...lines, `${' '.repeat(width)}  ${'0%'.padEnd(TEXT_BAR_WIDTH / 2)}50%${' '.repeat(TEXT_BAR_WIDTH / 2 - 7)}100%`, '```'].join('\n');
}

function styleRowLabel(row: StyleResult['row']): string {
  return row === 'original' ? 'Original (held-out real text)' : CONDITION_LABELS[row];
}

function tokensSection(results: EvaluationResults): string {
  const rows = results.tokens.map(({ stage, calls, usage }) => [stage, String(calls), String(usage.promptTokens), String(usage.completionTokens)]);
  const total = results.tokens.reduce(
    (sum, { calls, usage }) => ({ calls: sum.calls + calls, prompt: sum.prompt + usage.promptTokens, completion: sum.completion + usage.completionTokens }),
    { calls: 0, prompt: 0, completion: 0 },
  );
  rows.push(['**total**', String(total.calls), String(total.prompt), String(total.completion)]);
  return [
    table(['Stage', 'Calls', 'Prompt tokens', 'Completion tokens'], rows),
    '',
    `Counts include answers served from the cache (${results.answers.fromCache} of ${results.answers.total} this run), so they are what the experiment costs, not what this run spent. A structured call that fell back or was repaired counts once, with the tokens of every request it took.`,
  ].join('\n');
}

function methodSection(results: EvaluationResults): string {
  const example = results.prompts[0]?.instruction;
  return [
    '## Method',
    '',
    `- **Data:** \`${results.config.data}\`. Per author, the first k = ${results.config.k} texts are the profile samples; each later text${results.config.perAuthor ? ` (at most ${results.config.perAuthor} per author)` : ''} is held out and becomes one generation prompt.`,
    '- **Generation prompt:** content is held constant and only style is left free. As in the CCAT50 protocol ("write an article that starts with <first sentence>"), the prompt gives the held-out email’s first sentence (with the next one when the first is only a greeting), plus its subject when the record has a title, and its length rounded to ten words, since a reply’s opening alone often says little about what it goes on to say. The length target is the same for every condition, so length differences between outputs are the model’s, not the prompt’s.' +
      (example ? ` Example: “${example}”` : ''),
    `- **Conditions:** same model (\`${results.config.model}\`) and temperature (${results.config.temperature}) for all. *HyPerAlign*: the product’s own inference (\`inferHypotheses\`) on the k samples, then generation guided by the hypotheses and attributes, chosen and worded as the product’s rewrite prompt does. *Few-shot*: the k raw samples in context. *Zero-shot*: the task only.`,
    `- **Judge:** \`${results.config.judgeModel}\` sees one real text by the author (a profile sample, rotating through the k samples from prompt to prompt; never the held-out text the prompt came from, so it cannot match on content) and candidates A and B, and answers which is more likely by the same author, judged on style (length, format, paragraphing, sentence structure, punctuation, syntax, voice, diction), not content. The answer is validated JSON \`{"more_likely": "A"|"B", "reason"}\`.`,
    '- **Order swapping:** each pair is judged twice, once in each order. A pair’s score for X is the mean of the two verdicts (1 win, 0 loss), so a judge that always picks one position gives 0.5 and position bias cancels. *Position consistency* is the share of pairs whose two verdicts picked the same candidate.',
    '- **Statistics:** per-author win-rate is the mean pair score over that author’s prompts; overall is the mean over all prompts. Standard error = sample SD / √n (shown as ± percentage points; absent for n < 2).',
    '- **Style score:** the product’s local stylometric verifier (`scoreStyle`, 0–100) of each output against the author’s fingerprint from the k samples; texts under its minimum length are not scored. The held-out originals are scored too, as the level a real text by the author reaches.',
    '- **Caveats:** LLM judges favour LLM-sounding text, and a judge’s win-rate alone is weak evidence of authorship; the style score is the second, deterministic measure. Sign-offs are kept as written and can give an author away.',
  ].join('\n');
}

function hypothesesSection(results: EvaluationResults): string {
  return [
    '## Inferred hypotheses',
    '',
    ...results.authors.map((author) =>
      [
        `<details><summary>${author.author}: ${author.hypotheses.length} ${author.hypotheses.length === 1 ? 'hypothesis' : 'hypotheses'}</summary>`,
        '',
        ...author.hypotheses.map((hypothesis) => `- (${hypothesis.category}, ${hypothesis.confidence.toFixed(2)}) ${hypothesis.statement}`),
        '',
        '</details>',
        '',
      ].join('\n'),
    ),
  ].join('\n');
}

export function renderReport(results: EvaluationResults, options: { chartFile: string }): string {
  const { config, overall } = results;
  const pairHeaders = overall.winRates.map(pairLabel);
  const sections = [
    '# Idiolect evaluation: HyPerAlign vs few-shot vs zero-shot',
    '',
    `Model \`${config.model}\` at \`${config.baseURL}\`, judge \`${config.judgeModel}\`; ${overall.authors} authors, ${overall.prompts} prompts, k = ${config.k}; finished ${results.finishedAt}.` +
      (results.skippedAuthors.length > 0 ? ` Skipped (too few texts): ${results.skippedAuthors.map((skipped) => skipped.author).join(', ')}.` : ''),
    '',
    '## Win-rates',
    '',
    table(
      ['Pair', 'Win-rate of the first ± SE', 'Prompts', 'Position consistency'],
      overall.winRates.map((pair) => [pairLabel(pair), winRateText(pair.winRate), String(pair.winRate.n), percent(pair.positionConsistency)]),
    ),
    '',
    textBarChart(overall.winRates),
    '',
    `![Win-rates with standard errors](${options.chartFile})`,
    '',
    '### Per author',
    '',
    table(
      ['Author', 'Prompts', ...pairHeaders, 'Position consistency'],
      results.authors.map((author) => {
        const judged = author.winRates.reduce((sum, pair) => sum + pair.winRate.n, 0);
        const consistent = author.winRates.reduce((sum, pair) => sum + (pair.positionConsistency ?? 0) * pair.winRate.n, 0);
        return [author.author, String(author.prompts), ...author.winRates.map((pair) => winRateText(pair.winRate)), percent(judged === 0 ? null : consistent / judged)];
      }),
    ),
    '',
    '## Style score (local verifier, 0–100)',
    '',
    table(
      ['Text', 'Mean ± SE', 'Scored', 'Too short to score'],
      overall.style.map((row) => [styleRowLabel(row.row), scoreText(row.score), String(row.score.n), String(row.unscored)]),
    ),
    '',
    '### Per author',
    '',
    table(
      ['Author', ...overall.style.map((row) => styleRowLabel(row.row))],
      results.authors.map((author) => [author.author, ...author.style.map((row) => scoreText(row.score))]),
    ),
    '',
    '## Tokens',
    '',
    tokensSection(results),
    '',
    methodSection(results),
    '',
    hypothesesSection(results),
  ];
  return `${sections.join('\n')}\n`;
}
