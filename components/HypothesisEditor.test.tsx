// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { Hypothesis, HypothesisSet } from '@/lib/hyperalign/schema';
import { sendMessage } from '@/lib/messaging';
import { seedLearnedProfile } from '../tests/support/profile-fixtures';
import { HypothesisEditor } from './HypothesisEditor';
import { useActiveProfile } from './use-active-profile';

// Every change reaches the background's real handler, on the database the page reads live.
vi.mock('@/lib/messaging', async () => {
  const { inProcessBackground } = await import('../tests/support/in-process-background');
  const { openIdiolectDatabase: open } = await import('@/lib/db/database');
  return { sendMessage: vi.fn(inProcessBackground(open()).send) };
});

function LiveEditor() {
  const set = useActiveProfile()?.hypothesisSet;
  return set ? <HypothesisEditor set={set} /> : null;
}

let set: HypothesisSet;
beforeEach(async () => {
  const db = openIdiolectDatabase();
  await Promise.all([db.profiles.clear(), db.samples.clear(), db.hypothesisSets.clear(), db.settings.clear()]);
  ({ set } = await seedLearnedProfile(db));
  await db.hypothesisSets.update(set.id, {
    hypotheses: [
      ...set.hypotheses,
      { id: 'warm', category: 'personality', statement: 'Is warm with colleagues.', evidence: [], confidence: 0.72, status: 'inferred', support: { checked: 3, supported: 2, contradicted: 1 } },
    ] satisfies Hypothesis[],
  });
});

afterEach(() => {
  cleanup();
  vi.mocked(sendMessage).mockClear();
});

const SIGNS = 'Signs off with a bare initial.';
const ASKS = 'Asks the reader to act before a deadline.';
const stored = async () => (await openIdiolectDatabase().hypothesisSets.get(set.id))!.hypotheses;

describe('the hypotheses of the Profile section', () => {
  it('are grouped by category, each with its evidence, how sure Idiolect is and how it fared on held-out texts', async () => {
    render(<LiveEditor />);
    const style = await screen.findByRole('list', { name: 'Writing style 1' });
    expect(within(style).getByText(SIGNS)).toBeTruthy();
    expect(within(style).getByText('fairly sure · 0.80')).toBeTruthy();
    expect(within(style).getByText('Held-out texts: not checked yet')).toBeTruthy();
    const quote = within(screen.getByRole('list', { name: `Evidence for “${SIGNS}”` })).getByRole('link', { name: 'Thanks, J' });
    expect(quote.getAttribute('href')).toBe(`options.html#samples?sample=${set.hypotheses[0]!.evidence[0]!.sampleId}`);

    const personality = screen.getByRole('list', { name: 'Personality 1' });
    expect(within(personality).getByText('Held-out texts: 3 checked, 2 supported, 1 contradicted')).toBeTruthy();
    expect(within(personality).getByText('fairly sure · 0.72')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Communication strategies 1' })).getByText(ASKS)).toBeTruthy();
  });

  it('edits, pins and rejects through the background, each button named for its hypothesis', async () => {
    render(<LiveEditor />);
    await userEvent.click(await screen.findByRole('button', { name: `Edit “${SIGNS}”` }));
    const wording = screen.getByRole('textbox', { name: `New wording for “${SIGNS}”` });
    await userEvent.clear(wording);
    await userEvent.type(wording, 'Signs off with “J” alone.');
    await userEvent.click(screen.getByRole('button', { name: `Use this wording for “${SIGNS}”` }));
    await screen.findByText('edited by you');
    expect(screen.getByRole('button', { name: 'Edit “Signs off with “J” alone.”' })).toBe(document.activeElement);

    const pin = screen.getByRole('button', { name: `Pin “${ASKS}”` });
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(pin);
    await vi.waitFor(() => expect(screen.getByRole('button', { name: `Pin “${ASKS}”` }).getAttribute('aria-pressed')).toBe('false'));

    await userEvent.click(screen.getByRole('button', { name: 'Reject “Is warm with colleagues.”' }));
    const rejected = await screen.findByRole('list', { name: 'Rejected hypotheses' });
    expect(within(rejected).getByText('Is warm with colleagues.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Personality 1' })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Rejected by you (1)'));

    expect((await stored()).map((hypothesis) => [hypothesis.statement, hypothesis.status])).toEqual([
      ['Signs off with “J” alone.', 'edited'],
      [ASKS, 'inferred'],
      ['Is warm with colleagues.', 'rejected'],
    ]);
    expect(vi.mocked(sendMessage).mock.calls.map(([type]) => type)).toEqual(['changeHypothesis', 'changeHypothesis', 'changeHypothesis']);

    await userEvent.click(within(rejected).getByRole('button', { name: 'Restore “Is warm with colleagues.”' }));
    await screen.findByRole('list', { name: 'Personality 1' });
  });
});
