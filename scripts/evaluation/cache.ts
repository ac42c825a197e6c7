import { createHash } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { tokenUsageSchema, type TokenUsage } from '../../lib/hyperalign/schema';

/** Bump when the meaning of a cached answer changes, so old entries stop matching. */
const CACHE_FORMAT = 1;

const cacheEntrySchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  value: z.unknown(),
  usage: tokenUsageSchema,
});
export type CacheEntry = z.infer<typeof cacheEntrySchema>;

/** The identity of a model call: the same model, messages and parameters give the same key. */
export function cacheKey(call: unknown): string {
  return createHash('sha256').update(JSON.stringify({ format: CACHE_FORMAT, call })).digest('hex');
}

export interface AnswerCache {
  get(key: string): CacheEntry | undefined;
  put(entry: CacheEntry): Promise<void>;
  /** Lines that could not be read (a run killed mid-write leaves at most one). */
  readonly unreadableLines: number;
}

/**
 * An append-only JSON Lines file of model answers, so that a run stopped by a failure or by the
 * person resumes where it was without paying for the same calls twice.
 */
export async function openAnswerCache(path: string): Promise<AnswerCache> {
  const entries = new Map<string, CacheEntry>();
  let unreadableLines = 0;
  let content = '';
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = cacheEntrySchema.parse(JSON.parse(line));
      entries.set(entry.key, entry);
    } catch {
      unreadableLines++;
    }
  }
  // Appends are chained so that concurrent calls never interleave their lines.
  let writing: Promise<void> = Promise.resolve();
  return {
    get: (key) => entries.get(key),
    put(entry) {
      entries.set(entry.key, entry);
      writing = writing.then(() => appendFile(path, `${JSON.stringify(entry)}\n`, 'utf8'));
      return writing;
    },
    unreadableLines,
  };
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}
