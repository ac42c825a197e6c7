import { describe, expect, it } from 'vitest';
import { changeCounts, wordChanges } from './word-changes';

describe('word-level changes between a draft and its rewrite', () => {
  it('marks replaced words as removed then added, and keeps the rest', () => {
    const changes = wordChanges('Dear team, the review moved.', 'Hi all, the review moved.');
    expect(changes.filter((change) => change.kind === 'same').map((change) => change.text).join('')).toContain('the review moved.');
    expect(changes.find((change) => change.kind === 'removed')?.text).toContain('Dear');
    expect(changes.find((change) => change.kind === 'added')?.text).toContain('Hi');
    expect(changes.findIndex((change) => change.kind === 'removed')).toBeLessThan(changes.findIndex((change) => change.kind === 'added'));
  });

  it('reads back as the draft without the additions, and as the rewrite without the removals', () => {
    const draft = 'Please let me know if this is a problem.\nThanks, Ann';
    const rewrite = 'Shout if that clashes.\nThanks, Ann';
    const changes = wordChanges(draft, rewrite);
    expect(changes.filter((change) => change.kind !== 'added').map((change) => change.text).join('')).toBe(draft);
    expect(changes.filter((change) => change.kind !== 'removed').map((change) => change.text).join('')).toBe(rewrite);
  });

  it('counts the words added and removed', () => {
    expect(changeCounts(wordChanges('one two three', 'one four three five'))).toEqual({ added: 2, removed: 1 });
    expect(changeCounts(wordChanges('same text', 'same text'))).toEqual({ added: 0, removed: 0 });
  });
});
