// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InferenceJob } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';
import { LearningProgress } from './LearningProgress';
import type { LearningView } from './use-active-profile';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(async () => ({ queued: true })) }));

afterEach(() => {
  cleanup();
  vi.mocked(sendMessage).mockClear();
});

const now = new Date().toISOString();

function viewWith(job: Partial<InferenceJob> | null): LearningView {
  return {
    profile: { id: 'p1', name: 'My voice', createdAt: now },
    usableUpTo: 4,
    enough: 4,
    newSinceLearned: 1,
    hypothesisSet: null,
    lastJob: job && { id: 'j1', kind: 'infer', profileId: 'p1', state: 'queued', attempts: 0, createdAt: now, updatedAt: now, error: null, resultSetId: null, ...job },
  };
}

describe('learning in the Profile section', () => {
  it('starts on “Learn now” and reports the job as queued, then learning', async () => {
    const { rerender } = render(<LearningProgress view={viewWith(null)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Learn now' }));
    expect(sendMessage).toHaveBeenCalledWith('inferNow');
    rerender(<LearningProgress view={viewWith({ state: 'queued' })} />);
    expect(screen.getByRole('status').textContent).toBe('Queued: learning starts in a moment.');
    await userEvent.click(screen.getByRole('button', { name: 'Learn now' }));
    expect(screen.getByRole('button', { name: 'Learn now' }).getAttribute('aria-disabled')).toBe('true');
    expect(sendMessage).toHaveBeenCalledTimes(1);
    rerender(<LearningProgress view={viewWith({ state: 'running' })} />);
    expect(within(screen.getByRole('status')).getByRole('progressbar', { name: 'Learning from your texts' })).toBeTruthy();
  });

  it('shows why learning failed and links to the fix', () => {
    render(<LearningProgress view={viewWith({ state: 'failed', error: 'The endpoint refused the API key (401).', fixIn: 'model' })} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Learning failed: The endpoint refused the API key (401).');
    expect(within(alert).getByRole('link', { name: 'Check the model settings' }).getAttribute('href')).toBe('#model');
    expect(screen.getByRole('button', { name: 'Try learning again' })).toBeTruthy();
  });
});
