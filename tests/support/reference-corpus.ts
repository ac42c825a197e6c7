import { existsSync, readFileSync } from 'node:fs';
import { splitRole } from '../../scripts/style-reference/corpus';

/** ../shared/data/reference/: the multi-genre corpus, read at test time, never copied here. */
const CORPUS = new URL('../../../shared/data/reference/', import.meta.url);

export function referenceCorpusAvailable(suite: string): boolean {
  const present = existsSync(CORPUS);
  if (!present) console.warn(`${suite}: ${CORPUS.pathname} is absent, skipping the held-out-writer tests`);
  return present;
}

/** Texts of the writers in one corpus file that the shipped reference never saw (the evaluation split), by writer. */
export function heldOutWriters(file: string): string[][] {
  const byAuthor = new Map<string, string[]>();
  for (const line of readFileSync(new URL(`${file}.jsonl`, CORPUS), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { author, text } = JSON.parse(line) as { author: string; text: string };
    if (splitRole(author) === 'evaluation') byAuthor.set(author, [...(byAuthor.get(author) ?? []), text]);
  }
  return [...byAuthor.values()];
}
