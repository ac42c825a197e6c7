// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SampleVerdict } from '../messaging';
import { PAUSED_VERDICT } from '../samples/sample-verdict';
import { keepClosedShadowRoots } from './closed-shadow.test-support';
import { handOverSentText, PAUSED_NOTICE } from './hand-over-sample';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../messaging', () => ({ sendMessage }));

const SENT = { field: document.createElement('textarea'), text: 'See you at 3, thanks!', kind: 'email' as const, recipientDomain: null };
const POLICY = { collecting: true, paused: false, reviewBeforeSaving: false, showSentTextNotices: true };
const shadows = keepClosedShadowRoots();

function notice(role: 'alert' | 'status'): Element | null {
  return shadows.rootOf(document.querySelector('idiolect-notice'))?.querySelector(`[role="${role}"]`) ?? null;
}

const KEPT: SampleVerdict = { status: 'stored', message: 'Kept for learning (3 of 4).', short: false, learning: { usable: 3, needed: 4 } };

function reviewCards(): Element[] {
  return [...document.querySelectorAll('idiolect-review')];
}

describe('handing a sent text over to the background', () => {
  afterEach(() => {
    document.body.replaceChildren();
    sendMessage.mockReset();
  });

  it('says in the page, as text, when the browser had no room to keep it', async () => {
    sendMessage.mockResolvedValue({ status: 'failed', reason: 'Your browser’s storage for Idiolect is full. <b>Free some space</b>.', message: 'Not kept: storage is full.' } satisfies SampleVerdict);
    await handOverSentText(document, SENT, { ...POLICY, showSentTextNotices: false });
    expect(notice('alert')?.textContent).toContain('Idiolect could not keep what you just sent. Your browser’s storage for Idiolect is full. <b>Free some space</b>.');
    expect(notice('alert')!.querySelector('b')).toBeNull();
    (notice('alert')!.querySelector('button') as HTMLButtonElement).click();
    expect(document.querySelector('idiolect-notice')).toBeNull();
  });

  it('says quietly what happened to the text, in the background’s words', async () => {
    sendMessage.mockResolvedValue({ status: 'stored', message: 'Kept for learning (3 of 4).', short: false, learning: { usable: 3, needed: 4 } } satisfies SampleVerdict);
    await handOverSentText(document, SENT, POLICY);
    expect(sendMessage).toHaveBeenCalledWith('submitSample', { text: SENT.text, kind: 'email', recipientDomain: null });
    expect(notice('status')?.textContent).toBe('Kept for learning (3 of 4).');
    expect(notice('alert')).toBeNull();
  });

  it('stays quiet about kept and refused texts when the person turned the notices off', async () => {
    sendMessage.mockResolvedValue({ status: 'duplicate', message: 'Not kept: already have it.' } satisfies SampleVerdict);
    await handOverSentText(document, SENT, { ...POLICY, showSentTextNotices: false });
    expect(sendMessage).toHaveBeenCalled();
    expect(document.querySelector('idiolect-notice')).toBeNull();
  });

  it('words a text sent while paused as the background’s verdict does', () => {
    expect(PAUSED_NOTICE).toBe(PAUSED_VERDICT.message);
  });
});

describe('the review card, when the person chose to review each text', () => {
  const REVIEW = { ...POLICY, reviewBeforeSaving: true };
  afterEach(() => {
    document.body.replaceChildren();
    sendMessage.mockReset();
  });

  it('is not shown for a text that would not be kept; the notice says why instead', async () => {
    sendMessage.mockResolvedValue({ status: 'duplicate', message: 'Not kept: already have it.' } satisfies SampleVerdict);
    await handOverSentText(document, SENT, REVIEW);
    expect(reviewCards()).toHaveLength(0);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith('previewSample', { text: SENT.text, kind: 'email', recipientDomain: null });
    expect(notice('status')?.textContent).toBe('Not kept: already have it.');
  });

  it('asks about one text at a time: the second waits until the first is answered', async () => {
    sendMessage.mockResolvedValue(KEPT);
    const first = handOverSentText(document, SENT, REVIEW);
    const second = handOverSentText(document, { ...SENT, text: 'A second text, sent right after.' }, REVIEW);
    await vi.waitFor(() => expect(reviewCards()).toHaveLength(1));
    const discard = (card: Element) => [...shadows.rootOf(card)!.querySelectorAll('button')].find((button) => button.textContent === 'Discard')!.click();
    expect(shadows.rootOf(reviewCards()[0]!)!.textContent).toContain('See you at 3, thanks!');
    discard(reviewCards()[0]!);
    await first;
    await vi.waitFor(() => expect(shadows.rootOf(reviewCards()[0] ?? null)?.textContent).toContain('A second text, sent right after.'));
    expect(reviewCards()).toHaveLength(1);
    discard(reviewCards()[0]!);
    await second;
    expect(sendMessage).not.toHaveBeenCalledWith('submitSample', expect.anything());
  });
});

