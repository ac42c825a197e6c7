import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inferHypotheses, type InferredProfile } from '../../lib/hyperalign/infer';
import type { PromptSample } from '../../lib/hyperalign/inference-prompt';
import type { TokenUsage } from '../../lib/hyperalign/schema';
import { createOpenAICompatibleClient } from '../../lib/llm/openai-compatible';
import type { ChatMessage, LlmClient } from '../../lib/llm/types';
import { scoreStyle, styleFingerprintOf, type StyleFingerprint } from '../../lib/style';
import { pairResults, styleResults } from './aggregate';
import { addUsage, openAnswerCache } from './cache';
import { renderWinRateChart } from './chart-svg';
import { CONDITIONS, cleanGeneration, type Condition, generationMessages, type Guidance } from './conditions';
import { type AuthorSplit, parseDataset, splitByAuthor } from './dataset';
import { EvaluationError } from './errors';
import { generationMaxTokens, generationTaskFor } from './generation-task';
import { JUDGE_MAX_TOKENS, JUDGE_SCHEMA_NAME, judgeMessages, judgeVerdictSchema, PAIRS } from './judge';
import { newCallCounter, withAnswerCache } from './model-calls';
import { pairPositionConsistent, pairScore } from './pair-score';
import { createPool } from './pool';
import { createProgress, type ProgressStream } from './progress';
import { renderReport } from './report-markdown';
import { type AuthorResult, type EvaluationResults, evaluationResultsSchema, type PromptResult, type Stage, STAGES } from './results-schema';
import { writeFileAtomic } from './write-atomic';

export interface EvaluationConfig {
  dataPath: string;
  baseURL: string;
  model: string;
  judgeModel: string;
  apiKey: string | null;
  /** Profile samples per author; the rest of the author's texts are held out. */
  k: number;
  authors: number | null;
  perAuthor: number | null;
  outDir: string;
  concurrency: number;
  /** For every generation, whatever the condition. */
  temperature: number;
  timeoutMs: number;
}

export interface EvaluationFiles {
  results: string;
  report: string;
  chart: string;
  cache: string;
}

const CALLS_PER_PROMPT = CONDITIONS.length + PAIRS.length * 2;

async function readDataFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EvaluationError(
      code === 'ENOENT' ? `The data file ${path} does not exist.` : `The data file ${path} could not be read (${code ?? String(error)}).`,
      { cause: error },
    );
  }
}

function productClient(config: EvaluationConfig, model: string): LlmClient {
  return createOpenAICompatibleClient({ provider: 'custom', baseURL: config.baseURL, model, contextTokens: null }, config.apiKey, {
    timeoutMs: config.timeoutMs,
  });
}

function scoreOf(text: string, fingerprint: StyleFingerprint): number | null {
  return scoreStyle(text, fingerprint).score;
}

/**
 * The paper's protocol end to end: per author, hypotheses from k samples; per held-out text, one
 * output per condition; every pair judged in both orders; then statistics, results.json, report.md
 * and the chart. Nothing is written to results.json unless the whole run succeeded.
 */
export async function runEvaluation(config: EvaluationConfig, progressStream: ProgressStream): Promise<{ results: EvaluationResults; files: EvaluationFiles }> {
  const records = parseDataset(await readDataFile(config.dataPath), config.dataPath);
  const split = splitByAuthor(records, { k: config.k, perAuthor: config.perAuthor ?? undefined, authors: config.authors ?? undefined });
  await mkdir(config.outDir, { recursive: true });
  const files: EvaluationFiles = {
    results: join(config.outDir, 'results.json'),
    report: join(config.outDir, 'report.md'),
    chart: join(config.outDir, 'win-rates.svg'),
    cache: join(config.outDir, 'cache.jsonl'),
  };
  const cache = await openAnswerCache(files.cache);
  const counter = newCallCounter();
  const authorModel = withAnswerCache(productClient(config, config.model), cache, counter);
  const judgeClient = withAnswerCache(productClient(config, config.judgeModel), cache, counter);

  const promptCount = split.authors.reduce((sum, author) => sum + author.heldOut.length, 0);
  const progress = createProgress(progressStream, split.authors.length + promptCount * CALLS_PER_PROMPT);
  if (cache.unreadableLines > 0) progress.note(`Ignored ${cache.unreadableLines} unreadable line(s) in ${files.cache}.`);
  for (const { author, texts } of split.skipped) progress.note(`Skipped ${author}: ${texts} text(s), not more than k = ${config.k}.`);

  const abort = new AbortController();
  const pool = createPool(config.concurrency, abort.signal);
  const tokens = new Map<Stage, { calls: number; usage: TokenUsage }>();
  function account(stage: Stage, usage: TokenUsage): void {
    const sofar = tokens.get(stage) ?? { calls: 0, usage: { promptTokens: 0, completionTokens: 0 } };
    tokens.set(stage, { calls: sofar.calls + 1, usage: addUsage(sofar.usage, usage) });
    progress.step(stage);
  }

  async function infer(author: AuthorSplit): Promise<InferredProfile> {
    const samples: PromptSample[] = author.samples.map((record) => ({ id: record.id, text: record.text, kind: 'email', site: 'dataset' }));
    const profile = await pool(() => inferHypotheses(authorModel, samples, { signal: abort.signal }));
    account('inference', profile.usage);
    return profile;
  }

  async function generateFor(condition: Condition, messages: ChatMessage[], maxTokens: number): Promise<string> {
    const { text, usage } = await pool(() => authorModel.completeText({ messages, temperature: config.temperature, maxTokens, signal: abort.signal }));
    account(`generation:${condition}`, usage);
    return cleanGeneration(text);
  }

  async function judge(reference: string, a: string, b: string) {
    const { value, usage } = await pool(() =>
      judgeClient.completeStructured({
        messages: judgeMessages(reference, a, b),
        schema: judgeVerdictSchema,
        schemaName: JUDGE_SCHEMA_NAME,
        maxTokens: JUDGE_MAX_TOKENS,
        signal: abort.signal,
      }),
    );
    account('judge', usage);
    return { moreLikely: value.more_likely, reason: value.reason };
  }

  async function evaluateAuthor(author: AuthorSplit): Promise<{ profile: InferredProfile; prompts: PromptResult[] }> {
    const fingerprint = styleFingerprintOf(author.samples.map((record) => record.text));
    const sampleTexts = author.samples.map((record) => record.text);
    const profile = infer(author);
    const prompts = author.heldOut.map(async (record, index): Promise<PromptResult> => {
      const task = generationTaskFor(record);
      const reference = author.samples[index % author.samples.length]!;
      const guidedBy = async (condition: Condition): Promise<Guidance> => {
        if (condition === 'few-shot') return { condition, samples: sampleTexts };
        if (condition === 'zero-shot') return { condition };
        const { hypotheses, attributes } = await profile;
        return { condition, hypotheses, attributes };
      };
      const texts = await Promise.all(CONDITIONS.map(async (condition) => generateFor(condition, generationMessages(task, await guidedBy(condition)), generationMaxTokens(task))));
      const output = Object.fromEntries(CONDITIONS.map((condition, i) => [condition, texts[i]!])) as Record<Condition, string>;
      const judgements = await Promise.all(
        PAIRS.map(async (pair) => {
          const [whenXIsA, whenXIsB] = await Promise.all([
            judge(reference.text, output[pair.x], output[pair.y]),
            judge(reference.text, output[pair.y], output[pair.x]),
          ]);
          return {
            pair: pair.id,
            whenXIsA,
            whenXIsB,
            scoreForX: pairScore(whenXIsA.moreLikely, whenXIsB.moreLikely),
            positionConsistent: pairPositionConsistent(whenXIsA.moreLikely, whenXIsB.moreLikely),
          };
        }),
      );
      return {
        author: author.author,
        sourceId: record.id,
        instruction: task.instruction,
        referenceId: reference.id,
        original: { text: record.text, styleScore: scoreOf(record.text, fingerprint) },
        outputs: Object.fromEntries(
          CONDITIONS.map((condition) => [condition, { text: output[condition], styleScore: scoreOf(output[condition], fingerprint) }]),
        ) as PromptResult['outputs'],
        judgements,
      };
    });
    // Awaited together, so that a failure of either leaves no rejection unobserved.
    const [inferred, results] = await Promise.all([profile, Promise.all(prompts)]);
    return { profile: inferred, prompts: results };
  }

  let evaluated: Array<{ profile: InferredProfile; prompts: PromptResult[] }>;
  try {
    evaluated = await Promise.all(split.authors.map(evaluateAuthor));
  } catch (error) {
    // Calls still queued or under way are abandoned: the run has already failed.
    abort.abort(error);
    throw error;
  } finally {
    progress.finish();
  }

  const authors: AuthorResult[] = split.authors.map((author, index) => {
    const { profile, prompts } = evaluated[index]!;
    return {
      author: author.author,
      sampleIds: author.samples.map((record) => record.id),
      prompts: prompts.length,
      hypotheses: profile.hypotheses.map(({ category, statement, confidence }) => ({ category, statement, confidence })),
      attributes: profile.attributes,
      winRates: pairResults(prompts),
      style: styleResults(prompts),
    };
  });
  const prompts = evaluated.flatMap((author) => author.prompts);
  const results = evaluationResultsSchema.parse({
    format: 'idiolect-eval/1',
    finishedAt: new Date().toISOString(),
    config: {
      data: config.dataPath,
      baseURL: config.baseURL,
      model: config.model,
      judgeModel: config.judgeModel,
      k: config.k,
      authors: config.authors,
      perAuthor: config.perAuthor,
      temperature: config.temperature,
    },
    skippedAuthors: split.skipped,
    overall: { authors: authors.length, prompts: prompts.length, winRates: pairResults(prompts), style: styleResults(prompts) },
    authors,
    tokens: STAGES.flatMap((stage) => {
      const used = tokens.get(stage);
      return used ? [{ stage, ...used }] : [];
    }),
    answers: { total: counter.answers, fromCache: counter.fromCache },
    prompts,
  } satisfies EvaluationResults);

  await writeFileAtomic(files.chart, renderWinRateChart(results));
  await writeFileAtomic(files.report, renderReport(results, { chartFile: 'win-rates.svg' }));
  await writeFileAtomic(files.results, `${JSON.stringify(results, null, 2)}\n`);
  return { results, files };
}
