import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreStyle, styleFingerprintOf } from '../../lib/style';
import { type ChatRequest, type FakeOpenAI, type Reply, startFakeOpenAI } from '../../tests/support/fake-openai';
import { CONDITIONS, type Condition } from './conditions';
import { describeFailure } from './describe-failure';
import { JUDGE_SCHEMA_NAME } from './judge';
import { evaluationResultsSchema, type EvaluationResults } from './results-schema';
import { type EvaluationConfig, runEvaluation } from './run';

const API_KEY = 'sk-eval-test';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A text long enough for the style score, marked with its author and, for held-out texts, its prompt. */
function email(author: string, label: string): string {
  return `Prompt ${label} opens here for ${author}. We met on Tuesday to go over the plan for the release and the open questions about testing.\n\nThanks,\n${author}`;
}

const DATA = [
  ...['ann-s1', 'ann-s2', 'ann-1', 'ann-2', 'ann-3'].map((label) => ({ author: 'ann', text: email('ann', label), title: `About ${label}` })),
  ...['bob-s1', 'bob-s2', 'bob-1', 'bob-2'].map((label) => ({ author: 'bob', text: email('bob', label) })),
  { author: 'cy', text: email('cy', 'cy-s1') },
];

/** What each generation is: its condition as a tag, then the opening the task gave it. */
function generationReply(request: ChatRequest): Reply {
  const { systemPrompt, userContent } = request.chat;
  const condition: Condition = systemPrompt.includes('<profile>') ? 'hyperalign' : systemPrompt.includes('<examples>') ? 'few-shot' : 'zero-shot';
  const opening = /begins: “([^”]*)”/.exec(userContent)?.[1] ?? '';
  return { content: `[${condition}] ${opening} The rest of this email keeps going for a while so that the style score has enough words.` };
}

const RANK_USUAL: readonly Condition[] = ['hyperalign', 'few-shot', 'zero-shot'];
const RANK_FOR_ANN_3: readonly Condition[] = ['few-shot', 'hyperalign', 'zero-shot'];

/**
 * Ann's judge is consistent: HyPerAlign beats few-shot beats zero-shot, except on prompt ann-3
 * where few-shot beats HyPerAlign. Bob's judge answers "A" whatever it sees (pure position bias).
 */
function judgeReply(request: ChatRequest): Reply {
  const content = request.chat.userContent;
  const section = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(content)?.[1] ?? '';
  if (section('reference').includes('for bob')) return { json: { more_likely: 'A', reason: 'first is fine' } };
  const conditionOf = (text: string) => /^\s*\[([a-z-]+)\]/.exec(text)?.[1] as Condition;
  const a = conditionOf(section('candidate_a'));
  const b = conditionOf(section('candidate_b'));
  const rank = section('candidate_a').includes('Prompt ann-3') ? RANK_FOR_ANN_3 : RANK_USUAL;
  return { json: { more_likely: rank.indexOf(a) < rank.indexOf(b) ? 'A' : 'B', reason: `${a} vs ${b}` } };
}

function inferenceReply(request: ChatRequest): Reply {
  const author = request.chat.userContent.includes('for ann') ? 'ann' : 'bob';
  return {
    json: {
      hypotheses: [
        { category: 'style', statement: `${author} signs off with "Thanks," and the first name`, evidence: [{ sampleId: 's1', quote: 'Thanks,' }], confidence: 0.9 },
        { category: 'communication', statement: `${author} opens by naming the meeting day`, evidence: [], confidence: 0.6 },
      ],
      attributes: { role: 'release manager', domain: null, audiences: [], facts: [] },
    },
  };
}

function responder(request: ChatRequest): Reply {
  const format = request.chat.responseFormat;
  if (format?.type === 'json_schema' && format.json_schema.name === 'writing_profile') return inferenceReply(request);
  if (format?.type === 'json_schema' && format.json_schema.name === JUDGE_SCHEMA_NAME) return judgeReply(request);
  return generationReply(request);
}

let fake: FakeOpenAI;
let dir: string;
let dataPath: string;

function configFor(outDir: string, overrides: Partial<EvaluationConfig> = {}): EvaluationConfig {
  return {
    dataPath,
    baseURL: fake.baseURL,
    model: 'fake-model',
    judgeModel: 'fake-model-large',
    apiKey: API_KEY,
    k: 2,
    authors: null,
    perAuthor: null,
    outDir,
    concurrency: 3,
    temperature: 0.7,
    timeoutMs: 10_000,
    ...overrides,
  };
}

function collector() {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text), isTTY: false }, text: () => chunks.join('') };
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: API_KEY });
  fake.setDefault(responder);
  dir = await mkdtemp(join(tmpdir(), 'idiolect-eval-'));
  dataPath = join(dir, 'authors.jsonl');
  await writeFile(dataPath, DATA.map((record) => JSON.stringify(record)).join('\n'));
});

afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runEvaluation against the fake OpenAI server', () => {
  const outDir = () => join(dir, 'run');
  let results: EvaluationResults;

  beforeAll(async () => {
    const progress = collector();
    results = (await runEvaluation(configFor(outDir()), progress.stream)).results;
    // 2 inferences, 5 prompts × 3 generations, 5 prompts × 3 pairs × 2 orders.
    expect(fake.chatRequests).toHaveLength(2 + 15 + 30);
    expect(progress.text()).toContain('Skipped cy: 1 text(s), not more than k = 2.');
    expect(progress.text().trimEnd().split('\n').at(-1)).toBe('progress: 47/47 (100%) judge');
  });

  it('computes overall win-rates over all prompts, with order swapping and standard errors', () => {
    const [hyperalignVsFewShot, hyperalignVsZeroShot, fewShotVsZeroShot] = results.overall.winRates;
    // Pair scores per prompt: ann 1, 1, 0 (ann-3 goes to few-shot); bob 0.5, 0.5 (position bias cancels).
    expect(hyperalignVsFewShot).toMatchObject({ pair: 'hyperalign-vs-few-shot', winRate: { mean: 0.6, n: 5 }, positionConsistency: 0.6 });
    expect(hyperalignVsFewShot!.winRate.standardError).toBeCloseTo(Math.sqrt(0.7 / 4) / Math.sqrt(5), 12);
    // ann 1, 1, 1; bob 0.5, 0.5
    for (const pair of [hyperalignVsZeroShot!, fewShotVsZeroShot!]) {
      expect(pair.winRate.mean).toBeCloseTo(0.8, 12);
      expect(pair.winRate.standardError).toBeCloseTo(Math.sqrt(0.3 / 4) / Math.sqrt(5), 12);
      expect(pair.positionConsistency).toBe(0.6);
    }
    expect(results.overall).toMatchObject({ authors: 2, prompts: 5 });
    expect(results.skippedAuthors).toEqual([{ author: 'cy', texts: 1 }]);
  });

  it('computes per-author win-rates and standard errors', () => {
    const [ann, bob] = results.authors;
    expect(ann!.author).toBe('ann');
    expect(ann!.winRates[0]!.winRate.mean).toBeCloseTo(2 / 3, 12);
    expect(ann!.winRates[0]!.winRate.standardError).toBeCloseTo(1 / 3, 12);
    expect(ann!.winRates.slice(1).map((pair) => pair.winRate)).toEqual([
      { mean: 1, standardError: 0, n: 3 },
      { mean: 1, standardError: 0, n: 3 },
    ]);
    expect(ann!.winRates.map((pair) => pair.positionConsistency)).toEqual([1, 1, 1]);
    expect(bob!.winRates.map((pair) => [pair.winRate, pair.positionConsistency])).toEqual(
      Array(3).fill([{ mean: 0.5, standardError: 0, n: 2 }, 0]),
    );
  });

  it('judges each pair in both orders against a profile sample, never the held-out text', () => {
    const first = results.prompts[0]!;
    expect(first).toMatchObject({ author: 'ann', sourceId: 'ann#3', referenceId: 'ann#1' });
    expect(first.instruction).toBe(`Write an email with the subject “About ann-1” that begins: “Prompt ann-1 opens here for ann.” Continue it to about 30 words.`);
    const judgeRequests = fake.chatRequests.filter((request) => request.chat.userContent.includes('<candidate_a>'));
    expect(judgeRequests.every((request) => request.chat.model === 'fake-model-large')).toBe(true);
    const aboutAnn1 = judgeRequests.filter((request) => request.chat.userContent.includes('Prompt ann-1 opens here for ann. The rest'));
    expect(aboutAnn1).toHaveLength(6);
    for (const request of aboutAnn1) expect(request.chat.userContent).toContain(`<reference>\n${email('ann', 'ann-s1')}\n</reference>`);
    const swapped = first.judgements.find((judgement) => judgement.pair === 'hyperalign-vs-few-shot')!;
    expect(swapped).toMatchObject({ whenXIsA: { moreLikely: 'A' }, whenXIsB: { moreLikely: 'B' }, scoreForX: 1, positionConsistent: true });
  });

  it('conditions generation on the product’s hypotheses, the raw samples, or nothing, at one temperature', () => {
    const generations = fake.chatRequests.filter((request) => request.chat.responseFormat === undefined);
    expect(generations).toHaveLength(15);
    expect(generations.every((request) => (request.body as { temperature?: number }).temperature === 0.7 && request.chat.model === 'fake-model')).toBe(true);
    const hyperalign = generations.find((request) => request.chat.systemPrompt.includes('<profile>'))!;
    expect(hyperalign.chat.systemPrompt).toContain('- (style) ann signs off with "Thanks," and the first name');
    expect(hyperalign.chat.systemPrompt).toContain('Role: release manager');
    const fewShot = generations.find((request) => request.chat.systemPrompt.includes('<examples>'))!;
    expect(fewShot.chat.systemPrompt).toContain(email('ann', 'ann-s2'));
    expect(results.authors[0]!.hypotheses).toHaveLength(2);
  });

  it('scores every output and every original with the local style verifier against the k samples', () => {
    const fingerprint = styleFingerprintOf([email('ann', 'ann-s1'), email('ann', 'ann-s2')]);
    const first = results.prompts[0]!;
    expect(first.outputs.hyperalign.styleScore).toBe(scoreStyle(first.outputs.hyperalign.text, fingerprint).score);
    expect(first.original.styleScore).toBe(scoreStyle(email('ann', 'ann-1'), fingerprint).score);
    for (const row of results.overall.style) {
      expect(row.score.n).toBe(5);
      expect(row.score.mean).toBeGreaterThan(0);
    }
  });

  it('counts tokens per stage', () => {
    expect(results.tokens.map(({ stage, calls }) => [stage, calls])).toEqual([
      ['inference', 2],
      ['generation:hyperalign', 5],
      ['generation:few-shot', 5],
      ['generation:zero-shot', 5],
      ['judge', 30],
    ]);
    for (const { usage } of results.tokens) expect(usage.promptTokens).toBeGreaterThan(usage.completionTokens);
    expect(results.answers).toEqual({ total: 47, fromCache: 0 });
  });

  it('writes results.json to its schema, report.md with the numbers and a chart, and the SVG', async () => {
    const written = evaluationResultsSchema.parse(JSON.parse(await readFile(join(outDir(), 'results.json'), 'utf8')));
    expect(written).toEqual(results);
    const report = await readFile(join(outDir(), 'report.md'), 'utf8');
    expect(report).toContain('| HyPerAlign vs Few-shot | 60.0% ± 18.7 | 5 | 60.0% |');
    expect(report).toContain('| HyPerAlign vs Zero-shot | 80.0% ± 12.2 | 5 | 60.0% |');
    expect(report).toContain('| ann | 3 | 66.7% ± 33.3 | 100.0% ± 0.0 | 100.0% ± 0.0 | 100.0% |');
    expect(report).toMatch(/HyPerAlign vs Few-shot {3}█{18}·+ {2}60\.0% ± 18\.7/);
    expect(report).toContain('![Win-rates with standard errors](win-rates.svg)');
    expect(report).toContain('Continue it to about');
    const svg = await readFile(join(outDir(), 'win-rates.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('60.0% ± 18.7');
    expect(svg).toContain('80.0% ± 12.2');
  });

  it('resumes from the cache: a second run asks the endpoint nothing and finds the same results', async () => {
    const before = fake.chatRequests.length;
    const again = (await runEvaluation(configFor(outDir()), collector().stream)).results;
    expect(fake.chatRequests.length).toBe(before);
    expect(again.answers).toEqual({ total: 47, fromCache: 47 });
    const comparable = (r: EvaluationResults) => ({ ...r, finishedAt: '', answers: null });
    expect(comparable(again)).toEqual(comparable(results));
  });
});

describe('failures', () => {
  it('names a dead endpoint clearly and writes no results.json', async () => {
    const dead = await startFakeOpenAI();
    const deadURL = dead.baseURL;
    await dead.close();
    const outDir = join(dir, 'dead');
    const config = configFor(outDir, { baseURL: deadURL });
    const failure = await runEvaluation(config, collector().stream).catch((error: unknown) => error);
    expect(describeFailure(failure, config)).toBe(`Could not reach ${deadURL}. Is the server running, and is --base-url right (for most servers it ends in /v1)?`);
    expect(existsSync(join(outDir, 'results.json'))).toBe(false);
    expect(existsSync(join(outDir, 'report.md'))).toBe(false);
  });

  it('says which flag fixes a refused API key', async () => {
    const config = configFor(join(dir, 'bad-key'), { apiKey: 'sk-wrong' });
    const failure = await runEvaluation(config, collector().stream).catch((error: unknown) => error);
    expect(describeFailure(failure, config)).toBe(
      `The endpoint at ${fake.baseURL} refused the API key (401). Pass a valid key with --api-key or OPENAI_API_KEY.`,
    );
    expect(existsSync(join(dir, 'bad-key', 'results.json'))).toBe(false);
  });

  it('exits non-zero from the command line with the reason, and 2 with the usage for bad flags', { timeout: 30_000 }, async () => {
    const badData = join(dir, 'bad.jsonl');
    await writeFile(badData, `${JSON.stringify(DATA[0])}\n{"author": "ann"}\n`);
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
    const failed = run(['--data', badData, '--base-url', fake.baseURL, '--model', 'fake-model', '--out', join(dir, 'cli')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`Evaluation failed: ${badData}, line 2 is not a record {author, text, title?}:\n- text:`);
    expect(existsSync(join(dir, 'cli', 'results.json'))).toBe(false);
    const usage = run(['--data', badData, '--model', 'fake-model', '--k', '0']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--base-url must be an http(s) address');
    expect(usage.stderr).toContain('--k must be at least 1');
    expect(usage.stderr).toContain('Usage: npm run eval');
  });
});
