// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { RewritePanel } from './RewritePanel';

/*
 * MV3 may stop the background worker at any moment, for instance while it streams a rewrite:
 * the popup then sees its port close without a last word. The person must be told, and keep
 * their draft and the text that had arrived.
 */

type Listener = (message: unknown) => void;

/** The popup's end of a port whose background sends some text, then goes away. */
function portToAWorkerThatStops(name: string, sentBeforeStopping: string): Browser.runtime.Port {
  const messageListeners: Listener[] = [];
  const disconnectListeners: Array<() => void> = [];
  return {
    name,
    postMessage: () =>
      queueMicrotask(() => {
        messageListeners.forEach((listener) => listener({ type: 'delta', text: sentBeforeStopping }));
        queueMicrotask(() => disconnectListeners.forEach((listener) => listener()));
      }),
    disconnect: () => undefined,
    onMessage: { addListener: (listener: Listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
  } as unknown as Browser.runtime.Port;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the background worker stops in the middle of a rewrite', () => {
  it('says so, keeps the draft and the text that arrived, and lets the person try again', async () => {
    vi.spyOn(browser.runtime, 'connect').mockImplementation(((info?: { name?: string }) =>
      portToAWorkerThatStops(info?.name ?? '', 'Hi team, the demo')) as typeof browser.runtime.connect);
    render(<RewritePanel ready tabId={null} profileId={null} />);
    const draft = 'Dear all, the demo is on Tuesday in room 204.';
    await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), draft);
    await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The rewrite stopped unexpectedly. Try again.');
    expect(screen.getByRole('textbox', { name: 'Draft' })).toHaveProperty('value', draft);
    expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Hi team, the demo');
    expect(screen.getByRole('button', { name: 'Rewrite' })).toHaveProperty('disabled', false);
  });
});
