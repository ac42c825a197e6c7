import { diffWordsWithSpace } from 'diff';

/** One run of a word-level comparison of the draft and its rewrite. */
export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What the rewrite changed in the draft, word by word, in reading order (a removal before its replacement). */
export function wordChanges(draft: string, rewrite: string): WordChange[] {
  return diffWordsWithSpace(draft, rewrite).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/** How much of the draft the rewrite kept, as words added and removed, for a one-line summary. */
export function changeCounts(changes: readonly WordChange[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.kind === 'added') added += words(change.text);
    if (change.kind === 'removed') removed += words(change.text);
  }
  return { added, removed };
}
