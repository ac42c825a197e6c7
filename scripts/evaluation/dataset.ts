import { z } from 'zod';
import { describeIssues } from '../../lib/llm/structured';
import { EvaluationError } from './errors';

/** One text by one author; other fields (domain, source, license…) are kept but not used. */
export const evalRecordSchema = z.looseObject({
  author: z.string().trim().min(1),
  text: z.string().refine((text) => text.trim() !== '', 'must not be empty'),
  title: z.string().nullish(),
  id: z.string().min(1).optional(),
});

export interface EvalRecord {
  id: string;
  author: string;
  text: string;
  title: string | null;
}

/** Parses JSON Lines; any bad line stops the run with its number and what is wrong with it. */
export function parseDataset(content: string, source: string): EvalRecord[] {
  const records: EvalRecord[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}, line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new EvaluationError(`${where} is not valid JSON (${(error as Error).message}).`);
    }
    const parsed = evalRecordSchema.safeParse(json);
    if (!parsed.success) {
      throw new EvaluationError(`${where} is not a record {author, text, title?}:\n${describeIssues(parsed.error)}`);
    }
    const { author, text, title, id } = parsed.data;
    records.push({ id: id ?? `${author}#${index + 1}`, author, text, title: title ?? null });
  });
  if (records.length === 0) throw new EvaluationError(`${source} holds no records.`);
  return records;
}

export interface AuthorSplit {
  author: string;
  /** The first k texts: what the profile (hypotheses, few-shot examples, style fingerprint) is built from. */
  samples: EvalRecord[];
  /** The rest: each becomes one generation prompt. */
  heldOut: EvalRecord[];
}

export interface SplitOptions {
  k: number;
  /** At most this many held-out texts per author. */
  perAuthor?: number;
  /** Only the first this many eligible authors, in the file's order. */
  authors?: number;
}

export interface DatasetSplit {
  authors: AuthorSplit[];
  /** Authors with too few texts to hold one out after k samples. */
  skipped: Array<{ author: string; texts: number }>;
}

export function splitByAuthor(records: readonly EvalRecord[], options: SplitOptions): DatasetSplit {
  const byAuthor = new Map<string, EvalRecord[]>();
  for (const record of records) {
    const texts = byAuthor.get(record.author) ?? [];
    texts.push(record);
    byAuthor.set(record.author, texts);
  }
  const authors: AuthorSplit[] = [];
  const skipped: DatasetSplit['skipped'] = [];
  for (const [author, texts] of byAuthor) {
    if (texts.length <= options.k) {
      skipped.push({ author, texts: texts.length });
      continue;
    }
    if (options.authors !== undefined && authors.length >= options.authors) break;
    const heldOut = texts.slice(options.k);
    authors.push({ author, samples: texts.slice(0, options.k), heldOut: heldOut.slice(0, options.perAuthor ?? heldOut.length) });
  }
  if (authors.length === 0) {
    throw new EvaluationError(`No author has more than k = ${options.k} texts, so none can be evaluated. Lower --k or add texts.`);
  }
  return { authors, skipped };
}
