// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { HypothesisSet } from '@/lib/hyperalign/schema';
import { sendMessage } from '@/lib/messaging';
import { seedLearnedProfile } from '../tests/support/profile-fixtures';
import { AboutYouEditor } from './AboutYouEditor';
import { useActiveProfile } from './use-active-profile';

vi.mock('@/lib/messaging', async () => {
  const { inProcessBackground } = await import('../tests/support/in-process-background');
  const { openIdiolectDatabase: open } = await import('@/lib/db/database');
  return { sendMessage: vi.fn(inProcessBackground(open()).send) };
});

function LiveAboutYou() {
  const set = useActiveProfile()?.hypothesisSet;
  return set ? <AboutYouEditor key={set.id} set={set} /> : null;
}

let set: HypothesisSet;
beforeEach(async () => {
  const db = openIdiolectDatabase();
  await Promise.all([db.profiles.clear(), db.samples.clear(), db.hypothesisSets.clear(), db.settings.clear()]);
  ({ set } = await seedLearnedProfile(db));
});

afterEach(() => {
  cleanup();
  vi.mocked(sendMessage).mockClear();
});

describe('About you', () => {
  it('saves role, audiences and facts as the person set them, through the background', async () => {
    render(<LiveAboutYou />);
    const role = await screen.findByRole('textbox', { name: 'Role' });
    expect(role).toHaveProperty('value', 'Team lead');
    await userEvent.clear(role);
    await userEvent.type(role, 'Engineering manager');
    await userEvent.click(screen.getByRole('button', { name: 'Remove audience “colleagues”' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New fact' }), 'Works from Lisbon{Enter}');
    expect(within(screen.getByRole('list', { name: 'Facts' })).getByText('Works from Lisbon')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Update About you' }));

    expect((await screen.findByRole('status')).textContent).toMatch(/^Saved\./);
    expect((await openIdiolectDatabase().hypothesisSets.get(set.id))!.attributes).toEqual({
      role: 'Engineering manager',
      domain: 'software',
      audiences: [],
      facts: ['Works from Lisbon'],
      edited: ['role', 'audiences', 'facts'],
    });
    expect(vi.mocked(sendMessage)).toHaveBeenCalledWith('changeAttributes', expect.objectContaining({ setId: set.id }));
    await vi.waitFor(() => expect(screen.getAllByText('set by you')).toHaveLength(3));
  });

  it('says what is wrong and sends nothing when a value is too long', async () => {
    render(<LiveAboutYou />);
    const domain = await screen.findByRole('textbox', { name: 'Domain' });
    await userEvent.clear(domain);
    await userEvent.click(domain);
    await userEvent.paste('x'.repeat(201));
    await userEvent.click(screen.getByRole('button', { name: 'Update About you' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Keep the domain under 200 characters.');
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
