import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EvaluationError } from './errors';
import type { EvaluationConfig } from './run';

export const USAGE = `Usage: npm run eval -- --data <file.jsonl> --base-url <url> --model <name> [options]

Reproduces the HyPerAlign authorship protocol against any OpenAI-compatible endpoint.

  --data <file>         JSON Lines, one {"author", "text", "title"?} per line
  --base-url <url>      e.g. http://localhost:11434/v1 or https://api.openai.com/v1
  --model <name>        generates (and infers hypotheses) for every condition
  --judge-model <name>  the pairwise judge (default: --model)
  --api-key <key>       default: $OPENAI_API_KEY; local servers need none
  --k <n>               profile samples per author (default 7)
  --authors <n>         evaluate only the first n authors with enough texts
  --per-author <n>      at most n held-out prompts per author
  --out <dir>           default .eval/<data>-<model>; rerun with the same --out to resume
  --concurrency <n>     model calls at once (default 1 on this machine's own server, 4 elsewhere)
  --temperature <t>     for every generation (default 0.7)
  --timeout <seconds>   per model call (default 120)
  --help`;

/** A command line that cannot be run; the CLI prints the usage with it. */
export class UsageError extends EvaluationError {
  override name = 'UsageError';
}

const positiveInt = (flag: string) =>
  z.coerce.number({ error: `${flag} must be a number` }).int(`${flag} must be a whole number`).positive(`${flag} must be at least 1`);

const optionsSchema = z.object({
  data: z.string({ error: '--data <file.jsonl> is required' }).min(1),
  'base-url': z.url({ protocol: /^https?$/, error: '--base-url must be an http(s) address such as http://localhost:11434/v1' }),
  model: z.string({ error: '--model <name> is required' }).min(1),
  'judge-model': z.string().min(1).optional(),
  'api-key': z.string().optional(),
  k: positiveInt('--k').default(7),
  authors: positiveInt('--authors').optional(),
  'per-author': positiveInt('--per-author').optional(),
  out: z.string().min(1).optional(),
  concurrency: positiveInt('--concurrency').max(64, '--concurrency must be at most 64').optional(),
  temperature: z.coerce.number({ error: '--temperature must be a number' }).min(0).max(2).default(0.7),
  timeout: positiveInt('--timeout').default(120),
});

/**
 * A local server's parallel slots share one context (llama-server: 4 slots in one `-c`), so
 * requests at once overflow it; one at a time always fits. Hosted APIs take several.
 */
function defaultConcurrency(baseURL: string): number {
  const host = new URL(baseURL).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.') ? 1 : 4;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
}

/** The command line as a run's configuration, or `null` when only the usage was asked for. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): EvaluationConfig | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        'base-url': { type: 'string' },
        model: { type: 'string' },
        'judge-model': { type: 'string' },
        'api-key': { type: 'string' },
        k: { type: 'string' },
        authors: { type: 'string' },
        'per-author': { type: 'string' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        temperature: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const options = parsed.data;
  return {
    dataPath: options.data,
    baseURL: options['base-url'],
    model: options.model,
    judgeModel: options['judge-model'] ?? options.model,
    apiKey: options['api-key'] ?? env.OPENAI_API_KEY ?? null,
    k: options.k,
    authors: options.authors ?? null,
    perAuthor: options['per-author'] ?? null,
    outDir: options.out ?? join('.eval', `${slug(basename(options.data, extname(options.data)))}-${slug(options.model)}`),
    concurrency: options.concurrency ?? defaultConcurrency(options['base-url']),
    temperature: options.temperature,
    timeoutMs: options.timeout * 1000,
  };
}
