// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
import { sendMessage } from '@/lib/messaging';
import { ImportWritingPanel } from './ImportWritingPanel';

// The panel's commands reach the background's real handlers, on the database the test reads.
vi.mock('@/lib/messaging', async () => {
  const { inProcessBackground } = await import('../tests/support/in-process-background');
  const { openIdiolectDatabase: open } = await import('@/lib/db/database');
  const background = inProcessBackground(open());
  return { sendMessage: vi.fn(background.send) };
});

const POST =
  'Dear neighbours, the garden meeting moves to Thursday at seven because the hall is booked on Wednesday. Please bring your own cups and a chair if you can.';

afterEach(async () => {
  cleanup();
  vi.mocked(sendMessage).mockClear();
  await openIdiolectDatabase().samples.clear();
});

describe('ImportWritingPanel', () => {
  it('adds pasted text as a sample through the background', async () => {
    render(<ImportWritingPanel />);
    await userEvent.click(screen.getByRole('textbox', { name: 'Text you wrote' }));
    await userEvent.paste(POST);
    await userEvent.click(screen.getByRole('button', { name: 'Add as sample' }));

    expect(await screen.findByRole('status', {}, { timeout: 5_000 })).toHaveProperty('textContent', 'Added 1 sample.');
    expect(screen.getByRole('textbox', { name: 'Text you wrote' })).toHaveProperty('value', '');
    expect(await openIdiolectDatabase().samples.toArray()).toMatchObject([{ text: POST, source: 'paste' }]);
    expect(sendMessage).toHaveBeenCalledWith('addPastedText', POST);
  });

  it('asks for the email address only once an mbox is chosen', async () => {
    render(<ImportWritingPanel />);
    const files = screen.getByLabelText('Import files (.txt, .md, .eml, .mbox)');
    await userEvent.upload(files, new File([POST], 'notes.txt', { type: 'text/plain' }));
    expect(screen.queryByRole('textbox', { name: 'Your email address(es)' })).toBeNull();
    await userEvent.upload(files, new File(['From x\n'], 'Sent.mbox'));
    expect(screen.getByRole('textbox', { name: 'Your email address(es)' })).toBeTruthy();
  });

  it('shows why a file was refused and stores nothing', async () => {
    render(<ImportWritingPanel />);
    await userEvent.upload(
      screen.getByLabelText('Import files (.txt, .md, .eml, .mbox)'),
      new File([new Uint8Array([0x43, 0x61, 0x66, 0xe9])], 'letter.txt'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import selected files' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/^letter\.txt: This file is not UTF-8 text\..* Nothing was imported\.$/);
    expect(await openIdiolectDatabase().samples.count()).toBe(0);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
