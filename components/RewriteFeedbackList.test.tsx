// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
// Loaded first, before anything that asks for it, so the mock below is settled.
import '@/lib/messaging';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { saveRewriteFeedback } from '@/lib/db/rewrite-feedback';
import { RewriteFeedbackList } from './RewriteFeedbackList';

// Deleting goes to the background's real handler, on the database the test reads.
vi.mock('@/lib/messaging', async () => {
  const { inProcessBackground } = await import('../tests/support/in-process-background');
  const { openIdiolectDatabase: open } = await import('@/lib/db/database');
  const background = inProcessBackground(open());
  return { sendMessage: vi.fn(background.send) };
});

afterEach(async () => {
  cleanup();
  await openIdiolectDatabase().rewriteFeedback.clear();
});

describe('RewriteFeedbackList', () => {
  it('lists what the person said of rewrites, newest first, and deletes one', async () => {
    const db = openIdiolectDatabase();
    const { id: profileId } = await ensureActiveProfile(db);
    const base = { profileId, setId: 'set-1', hypothesisIds: ['h1'] };
    await saveRewriteFeedback(db, { ...base, id: 'r1', verdict: 'not-like-me', note: 'Too stiff', rewrite: 'Dear all, the review is moved.', createdAt: '2026-11-01T10:00:00.000Z' });
    await saveRewriteFeedback(db, { ...base, id: 'r2', verdict: 'like-me', note: null, rewrite: 'Hi all - review moved. - J', createdAt: '2026-11-02T10:00:00.000Z' });
    render(<RewriteFeedbackList profileId={profileId} />);

    const list = await screen.findByRole('list', { name: 'What you said of rewrites' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Sounds like me.*Hi all - review moved\. - J/),
      expect.stringMatching(/^Not like me.*Dear all, the review is moved\.Your note: Too stiff/),
    ]);
    await userEvent.click(within(items[1]!).getByRole('button', { name: /^Delete “Not like me”/ }));
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(await db.rewriteFeedback.get('r1')).toBeUndefined();
  });
});
