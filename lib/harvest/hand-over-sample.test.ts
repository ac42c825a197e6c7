// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SampleVerdict } from '../messaging';
import { handOverSentText } from './hand-over-sample';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../messaging', () => ({ sendMessage }));

const SENT = { field: document.createElement('textarea'), text: 'See you at 3, thanks!', kind: 'email' as const, recipientDomain: null };
const POLICY = { collecting: true, reviewBeforeSaving: false };

function noticeText(): string | null {
  const host = document.querySelector('idiolect-notice');
  return host?.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? null;
}

describe('handing a sent text over to the background', () => {
  afterEach(() => {
    document.body.replaceChildren();
    sendMessage.mockReset();
  });

  it('says in the page, as text, when the browser had no room to keep it', async () => {
    sendMessage.mockResolvedValue({ status: 'failed', reason: 'Your browser’s storage for Idiolect is full. <b>Free some space</b>.', message: 'Not kept: storage is full.' } satisfies SampleVerdict);
    await handOverSentText(document, SENT, POLICY);
    expect(noticeText()).toContain('Idiolect could not keep what you just sent. Your browser’s storage for Idiolect is full. <b>Free some space</b>.');
    expect(document.querySelector('idiolect-notice')!.shadowRoot!.querySelector('b')).toBeNull();
    (document.querySelector('idiolect-notice')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    expect(document.querySelector('idiolect-notice')).toBeNull();
  });

  it('stays quiet when the text was stored', async () => {
    sendMessage.mockResolvedValue({ status: 'stored' });
    await handOverSentText(document, SENT, POLICY);
    expect(sendMessage).toHaveBeenCalledWith('submitSample', { text: SENT.text, kind: 'email', recipientDomain: null });
    expect(noticeText()).toBeNull();
  });
});
