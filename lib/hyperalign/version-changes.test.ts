import { describe, expect, it } from 'vitest';
import type { Hypothesis } from './schema';
import { versionChanges } from './version-changes';

function h(statement: string, confidence = 0.6, overrides: Partial<Hypothesis> = {}): Hypothesis {
  return { id: crypto.randomUUID(), category: 'style', statement, evidence: [], confidence, status: 'inferred', ...overrides };
}

describe('what changed between two versions', () => {
  const greeting = h('Opens with a one-word greeting.', 0.7);
  const dashes = h('Signs off with a dash and an initial.', 0.6);
  const questions = h('Asks a direct question before closing.', 0.8, { category: 'communication' });
  const formal = h('Writes formally to clients.', 0.5, { category: 'personality' });

  it('names each hypothesis added, revised, retired and confirmed', () => {
    const warmer = h('Is warm and informal with colleagues.', 0.6, { category: 'personality' });
    const changes = versionChanges(
      [greeting, dashes, questions, formal],
      [{ ...greeting, confidence: 0.9 }, { ...dashes, statement: 'Signs off with an initial alone.' }, { ...questions, confidence: 0.5 }, warmer],
    );
    expect(changes.added).toEqual([warmer]);
    expect(changes.retired).toEqual([formal]);
    expect(changes.confirmed.map((pair) => [pair.before.confidence, pair.after.confidence])).toEqual([[0.7, 0.9]]);
    expect(changes.revised.map((pair) => [pair.before.statement, pair.after.statement, pair.after.confidence])).toEqual([
      ['Signs off with a dash and an initial.', 'Signs off with an initial alone.', 0.6],
      ['Asks a direct question before closing.', 'Asks a direct question before closing.', 0.5],
    ]);
  });

  it('counts a hypothesis kept with the same confidence as confirmed', () => {
    expect(versionChanges([greeting], [greeting])).toEqual({ added: [], revised: [], retired: [], confirmed: [{ before: greeting, after: greeting }] });
  });

  it('matches the same claim under a new id, but not one in another category or its opposite', () => {
    const again = h('Opens with a one word greeting!', 0.8);
    const opposite = h('Never opens with a one-word greeting.', 0.8);
    const changes = versionChanges([greeting, dashes], [again, opposite, h(dashes.statement, 0.6, { category: 'personality' })]);
    expect(changes.confirmed).toEqual([]);
    expect(changes.revised).toEqual([{ before: greeting, after: again }]);
    expect(changes.added.map((item) => item.statement)).toEqual([opposite.statement, dashes.statement]);
    expect(changes.retired).toEqual([dashes]);
  });

  it('counts a hypothesis the person rejected as retired, and one rejected in both as no change', () => {
    const rejected = { ...formal, status: 'rejected' as const };
    expect(versionChanges([greeting, rejected], [{ ...greeting, status: 'rejected' }, rejected])).toEqual({
      added: [],
      revised: [],
      retired: [greeting],
      confirmed: [],
    });
  });
});
