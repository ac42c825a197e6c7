// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
import { createProfile, ensureActiveProfile } from '@/lib/db/profiles';
import { addSample } from '@/lib/db/sample-writes';
import { inProcessBackground } from '../../tests/support/in-process-background';
import { ToastProvider } from '../design/Toasts';
import { SampleBrowser } from './SampleBrowser';

// The table's commands reach the background's real handlers, on the database the test reads. The
// background itself imports the messaging module, so the mock forwards to it once both are loaded.
const background = vi.hoisted(() => ({ send: (..._: unknown[]): Promise<unknown> => Promise.reject(new Error('not yet')) }));
vi.mock('@/lib/messaging', () => ({ sendMessage: (...args: unknown[]) => background.send(...args), onMessage: () => () => undefined }));
background.send = inProcessBackground(openIdiolectDatabase()).send as (...args: unknown[]) => Promise<unknown>;

const TEXTS = [
  { text: 'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client today? Thanks, J', site: 'mail.example.com' },
  { text: 'Morning all, quick one: the staging server restarts at six tonight, so save your work before then and ping me if it blocks you. J', site: 'mail.example.com' },
  { text: 'Agreed with the points above, though I would keep the old endpoint around for one more release so that clients can move at their own pace.', site: 'forum.example.org' },
];

// jsdom lays nothing out; the table's scroller is given the size a screen would give it.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});

let profileId = '';
let sampleIds: string[] = [];

beforeEach(async () => {
  const db = openIdiolectDatabase();
  profileId = (await ensureActiveProfile(db)).id;
  sampleIds = [];
  for (const [index, { text, site }] of TEXTS.entries()) {
    const written = new Date(Date.UTC(2026, 0, 1 + index)).toISOString();
    const stored = await addSample(db, { profileId, text, site, kind: site.startsWith('mail') ? 'email' : 'post', source: 'harvest', writtenAt: written });
    if (stored.status === 'stored') sampleIds.push(stored.sample.id);
  }
});

afterEach(async () => {
  cleanup();
  history.replaceState(null, '', '/');
  const db = openIdiolectDatabase();
  await Promise.all([db.samples.clear(), db.profiles.clear(), db.settings.clear(), db.styleProfiles.clear()]);
});

const showTable = async () => {
  render(
    <ToastProvider>
      <SampleBrowser profileId={profileId} />
    </ToastProvider>,
  );
  return screen.findByRole('table', { name: 'Samples' });
};
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
// Radix's toast region reads as `pointer-events: none` to user-event in jsdom; the button itself is an ordinary one.
const undo = async () => fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));

describe('the samples table', () => {
  it('lists every sample with its site, kind, length and status, newest first', async () => {
    const table = await showTable();
    expect(screen.getByRole('status')).toHaveProperty('textContent', '3 of 3 samples');
    const rows = rowsOf(table);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('button').textContent).toMatch(/^Agreed with the points above/);
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(expect.arrayContaining(['forum.example.org', 'post', 'Used']));
  });

  it('narrows by search and by site, and says how many it shows', async () => {
    const table = await showTable();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search samples' }), 'release');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(screen.getByRole('status')).toHaveProperty('textContent', '2 of 3 samples');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'mail.example.com');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3));
  });

  it('keeps the selected samples out of learning, and Undo lets them back in', async () => {
    const table = await showTable();
    await userEvent.click(within(table).getByRole('checkbox', { name: /^Select: Hi Maria/ }));
    await userEvent.click(within(table).getByRole('checkbox', { name: /^Select: Morning all/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep out of learning' }));
    await screen.findByText('3 samples (2 kept out)');
    expect(within(table).getAllByText('Kept out')).toHaveLength(2);
    await screen.findByText('Kept 2 samples out of learning.');

    await undo();
    await screen.findByText('3 samples');
    expect((await openIdiolectDatabase().samples.toArray()).every((sample) => !sample.excluded)).toBe(true);
  });

  it('deletes every sample shown, and Undo brings each one back as it was', async () => {
    const before = await openIdiolectDatabase().samples.toArray();
    const table = await showTable();
    await userEvent.click(within(table).getByRole('checkbox', { name: 'Select all shown' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText(/^No samples yet/);
    expect(screen.queryByRole('table')).toBeNull();
    await screen.findByText('Deleted 3 samples.');

    await undo();
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Samples' }))).toHaveLength(3));
    expect(await openIdiolectDatabase().samples.toArray()).toEqual(expect.arrayContaining(before));
  });

  it('moves the selected samples to another profile', async () => {
    await createProfile(openIdiolectDatabase(), 'Forum');
    const table = await showTable();
    await userEvent.click(within(table).getByRole('checkbox', { name: /^Select: Agreed/ }));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Profile to move to' }), 'Forum');
    await userEvent.click(screen.getByRole('button', { name: 'Move to another profile' }));
    await screen.findByText('Moved 1 sample to Forum.');
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
  });

  it('opens a sample in full, and opens the one a link names', async () => {
    history.replaceState(null, '', `#samples?sample=${encodeURIComponent(sampleIds[1]!)}`);
    render(
      <ToastProvider>
        <SampleBrowser profileId={profileId} />
      </ToastProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Sample from mail.example.com' });
    expect(dialog.textContent).toContain(TEXTS[1]!.text);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(location.hash).toBe('#samples');

    await userEvent.click(screen.getByRole('button', { name: /^Agreed with the points above/ }));
    expect((await screen.findByRole('dialog')).textContent).toContain(TEXTS[2]!.text);
  });
});
