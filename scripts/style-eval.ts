/**
 * Measures the local style verifier on a JSONL of `{author, text, ...}` records:
 *
 *   npm run --silent style:eval -- <file.jsonl> [--k 7] [--strip-signoff] [--chunk 20-60] [--reference FILE]
 *
 * For each author the first k texts make a profile (built with the product's code); the other
 * texts are queries. Prints top-1 attribution accuracy (the query goes to the author whose profile
 * gives the highest product score) and verification AUC (each query's score against its own
 * author's profile vs. against every other author's profile), each score computed exactly as the
 * product computes it, against the shipped reference population. The last line is one JSON object.
 * --strip-signoff drops a short last line from every text, since sign-offs give authors away.
 * --chunk MIN-MAX measures short texts, as users often have: every text is cut into its
 * paragraphs, unwrapped and merged or split to MIN-MAX words; the profile is an author's first k
 * chunks and the queries are chunks of texts that gave the profile none.
 * --reference FILE scores against another reference population than the shipped one (a tuning
 * build of scripts/build-style-reference.ts).
 * The last line also gives the median shown score against the own author's profile and against
 * the others' (own_median, other_median), so that a score that saturates shows in one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { shortChunks, type WordRange } from '../lib/style/chunks';
import { fingerprintOf } from '../lib/style/fingerprint';
import { loadReference, type StyleReference } from '../lib/style/reference';
import { scoreText } from '../lib/style/score';
import { shippedReference } from '../lib/style/shipped';
import { stripSignoff } from '../lib/style/text';

const recordSchema = z.looseObject({ author: z.string().min(1), text: z.string() });
type EvalRecord = z.infer<typeof recordSchema>;

export interface EvalOptions {
  readonly file: string;
  readonly k: number;
  readonly stripSignoff: boolean;
  readonly chunk: WordRange | null;
  readonly reference: string | null;
}

export interface EvalResult {
  readonly authors: number;
  readonly queries: number;
  readonly top1: number;
  readonly auc: number;
  /** Mean score of queries against their own author's profile, and against the other profiles. */
  readonly meanSameAuthor: number;
  readonly meanOtherAuthor: number;
  readonly medianSameAuthor: number;
  readonly medianOtherAuthor: number;
}

interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): EvalOptions {
  let file: string | undefined;
  let k = 7;
  let stripSignoff = false;
  let chunk: WordRange | null = null;
  let reference: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--k') {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--k needs a positive integer, got ${value ?? 'nothing'}`);
      k = Number(value);
    } else if (arg === '--strip-signoff') {
      stripSignoff = true;
    } else if (arg === '--chunk') {
      const value = argv[++i];
      const m = /^(\d+)-(\d+)$/.exec(value ?? '');
      if (m === null || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--chunk needs a word range like 20-60, got ${value ?? 'nothing'}`);
      chunk = { min: Number(m[1]), max: Number(m[2]) };
    } else if (arg === '--reference') {
      reference = argv[++i] ?? null;
      if (reference === null) throw new UsageError('--reference needs a file');
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (file === undefined) throw new UsageError('usage: style-eval <file.jsonl> [--k 7] [--strip-signoff] [--chunk 20-60] [--reference FILE]');
  return { file, k, stripSignoff, chunk, reference };
}

export function readRecords(file: string): EvalRecord[] {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const records: EvalRecord[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new UsageError(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
      }
      const parsed = recordSchema.safeParse(json);
      if (!parsed.success) throw new UsageError(`${file}:${i + 1}: expected {"author": string, "text": string, ...}: ${z.prettifyError(parsed.error)}`);
      records.push(parsed.data);
    });
  return records;
}

/** Area under the ROC curve (Mann-Whitney), ties counting one half. */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  const sorted = [...negatives].sort((a, b) => a - b);
  // First index whose value is not below x (strict) or not at most x (inclusive).
  const bound = (x: number, inclusive: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let wins = 0;
  for (const p of positives) {
    const less = bound(p, false);
    wins += less + 0.5 * (bound(p, true) - less);
  }
  return wins / (positives.length * sorted.length);
}

/** A text to evaluate with the position of the record it comes from among its author's. */
interface Item {
  readonly text: string;
  readonly source: number;
}

function itemsOf(texts: readonly string[], options: EvalOptions): Item[] {
  return texts.flatMap((raw, source) => {
    const text = options.stripSignoff ? stripSignoff(raw) : raw;
    return options.chunk === null ? [{ text, source }] : shortChunks(text, options.chunk).map((chunk) => ({ text: chunk, source }));
  });
}

export function evaluate(records: readonly EvalRecord[], options: EvalOptions, reference: StyleReference, io: Output): EvalResult {
  const byAuthor = new Map<string, string[]>();
  for (const r of records) byAuthor.set(r.author, [...(byAuthor.get(r.author) ?? []), r.text]);
  const authors = [...byAuthor.entries()].flatMap(([author, texts]) => {
    const items = itemsOf(texts, options);
    // Queries come from texts that gave the profile nothing, so that no query shares a text with it.
    const lastProfileSource = items[options.k - 1]?.source ?? Infinity;
    const queries = items.filter((item) => item.source > lastProfileSource).map((item) => item.text);
    if (queries.length > 0) return [{ author, profile: items.slice(0, options.k).map((item) => item.text), queries }];
    const unit = options.chunk === null ? 'texts' : 'chunks';
    io.err(`skipping ${author}: ${items.length} ${unit}, needs at least ${options.k + 1} (k = ${options.k} plus a query from another text)`);
    return [];
  });
  if (authors.length < 2) throw new UsageError(`need at least 2 authors with more than k = ${options.k} texts, found ${authors.length}`);
  const profiles = authors.map((a) => fingerprintOf(a.profile, reference.vocabulary));
  const positives: number[] = [];
  const negatives: number[] = [];
  let queries = 0;
  let correct = 0;
  authors.forEach(({ author, queries: texts }, own) => {
    let authorCorrect = 0;
    let authorQueries = 0;
    for (const text of texts) {
      const scored = profiles.flatMap((profile) => {
        const result = scoreText(text, profile, reference);
        return result.score === null ? [] : [result];
      });
      if (scored.length < profiles.length) {
        io.err(`skipping a query by ${author}: too short to score`);
        continue;
      }
      // Integer scores can tie; the product's unrounded log-odds break the tie.
      let best = 0;
      scored.forEach((s, j) => {
        const b = scored[best]!;
        if (s.score > b.score || (s.score === b.score && s.logOdds > b.logOdds)) best = j;
      });
      scored.forEach((s, j) => (j === own ? positives : negatives).push(s.score));
      authorQueries++;
      if (best === own) authorCorrect++;
    }
    queries += authorQueries;
    correct += authorCorrect;
    io.out(`${author}: ${authorCorrect}/${authorQueries} attributed correctly`);
  });
  if (queries === 0) throw new UsageError('no query could be scored');
  return {
    authors: authors.length,
    queries,
    top1: correct / queries,
    auc: rocAuc(positives, negatives),
    meanSameAuthor: mean(positives),
    meanOtherAuthor: mean(negatives),
    medianSameAuthor: median(positives),
    medianOtherAuthor: median(negatives),
  };
}

export function main(argv: readonly string[], io: Output = { out: console.log, err: console.error }, reference?: StyleReference): number {
  try {
    const options = parseArgs(argv);
    const records = readRecords(options.file);
    const result = evaluate(records, options, reference ?? (options.reference === null ? shippedReference() : readReference(options.reference)), io);
    const conditions = [`k = ${options.k}`];
    if (options.stripSignoff) conditions.push('sign-offs stripped');
    if (options.chunk !== null) conditions.push(`chunks of ${options.chunk.min}-${options.chunk.max} words`);
    io.out(`top-1 attribution accuracy: ${result.top1.toFixed(3)} over ${result.queries} queries by ${result.authors} authors (${conditions.join(', ')})`);
    io.out(`verification AUC: ${result.auc.toFixed(3)}`);
    io.out(`mean score: ${result.meanSameAuthor.toFixed(1)} against the own author's profile, ${result.meanOtherAuthor.toFixed(1)} against other authors'`);
    io.out(`median score: ${result.medianSameAuthor} against the own author's profile, ${result.medianOtherAuthor} against other authors'`);
    io.out(
      JSON.stringify({
        authors: result.authors,
        queries: result.queries,
        top1: round3(result.top1),
        auc: round3(result.auc),
        own_median: result.medianSameAuthor,
        other_median: result.medianOtherAuthor,
      }),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`style-eval: ${error.message}`);
    return 2;
  }
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function readReference(file: string): StyleReference {
  if (!existsSync(file)) throw new UsageError(`no such reference file: ${file}`);
  return loadReference(JSON.parse(readFileSync(file, 'utf8')));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
