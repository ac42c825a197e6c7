// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hypothesis, HypothesisSet } from '@/lib/hyperalign/schema';
import { ProfileHistory } from './ProfileHistory';

afterEach(cleanup);

function h(id: string, statement: string, confidence: number): Hypothesis {
  return { id, category: 'style', statement, evidence: [], confidence, status: 'inferred' };
}

function version(number: number, hypotheses: Hypothesis[], samples: number): HypothesisSet {
  return {
    id: `v${number}`,
    profileId: 'p',
    version: number,
    createdAt: new Date(Date.UTC(2026, 10, number, 9)).toISOString(),
    hypotheses,
    attributes: { role: null, domain: null, audiences: [], facts: [] },
    sampleIds: Array.from({ length: samples }, (_, index) => `s${index}`),
    model: 'fake-model',
    provider: 'custom',
    usage: { promptTokens: 1, completionTokens: 1 },
  };
}

const first = version(1, [h('a', 'Opens with a one-word greeting.', 0.7), h('b', 'Writes long paragraphs.', 0.5)], 4);
const second = version(2, [h('a', 'Opens with a one-word greeting and a first name.', 0.8), h('c', 'Signs off with an initial.', 0.6)], 6);
const third = version(3, [h('a', 'Opens with a one-word greeting and a first name.', 0.9), h('c', 'Signs off with an initial.', 0.6)], 7);

describe('History', () => {
  it('lists every version and compares the latest with the one before it', () => {
    render(<ProfileHistory versions={[third, second, first]} />);
    const versions = within(screen.getByRole('list', { name: 'Versions of this profile' })).getAllByRole('listitem');
    expect(versions.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Version 3 · .* · fake-model · saw 7 samples$/),
      expect.stringMatching(/^Version 2 · /),
      expect.stringMatching(/^Version 1 · .* · saw 4 samples$/),
    ]);
    expect(screen.getByRole('status').textContent).toBe('From version 2 to version 3: 0 added, 0 revised, 0 retired, 2 confirmed.');
    expect(within(screen.getByRole('list', { name: 'Confirmed 2' })).getByText(/fairly sure · 0.80 → very sure · 0.90$/)).toBeTruthy();
  });

  it('shows what was added, revised (word by word) and retired between two picked versions', async () => {
    render(<ProfileHistory versions={[third, second, first]} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Compare version' }), 'Version 1');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'with version' }), 'Version 2');
    expect(screen.getByRole('status').textContent).toBe('From version 1 to version 2: 1 added, 1 revised, 1 retired, 0 confirmed.');
    expect(within(screen.getByRole('list', { name: 'Added 1' })).getByText('Signs off with an initial.')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Retired 1' })).getByText('Writes long paragraphs.')).toBeTruthy();
    const reworded = screen.getByRole('figure', { name: 'How “Opens with a one-word greeting and a first name.” was reworded' });
    expect([...reworded.querySelectorAll('ins')].map((node) => node.textContent).join('')).toMatch(/and a first name/);
  });

  it('says there is nothing to compare with one version', () => {
    render(<ProfileHistory versions={[first]} />);
    expect(screen.getByText(/Only one version so far/)).toBeTruthy();
  });
});
