import { sendMessage, type HarvestPolicy, type SampleVerdict } from '../messaging';
import { askToKeepSample } from './review-prompt';
import { showSentTextNotice } from './sent-text-notice';
import type { SentText } from './watch-sends';

/** The words of the background's verdict for a text sent while collection is paused (its PAUSED_VERDICT). */
export const PAUSED_NOTICE = 'Not kept: collection is paused.';

/**
 * Passes a sent text to the background and says quietly in the page what became of it ("Kept for
 * learning (3 of 4).") unless the person turned that off. When they chose to review, they are
 * asked first, and only about a text that would be kept. A text that could not be stored (the
 * browser's storage is full) is always reported.
 */
export async function handOverSentText(doc: Document, sent: SentText, policy: HarvestPolicy): Promise<void> {
  const submission = { text: sent.text, kind: sent.kind, recipientDomain: sent.recipientDomain };
  if (policy.reviewBeforeSaving) {
    const preview = await sendMessage('previewSample', submission);
    if (preview.status !== 'stored') return tell(doc, preview, policy);
    if (!(await askToKeepSample(doc, sent.text))) return;
  }
  tell(doc, await sendMessage('submitSample', submission), policy);
}

function tell(doc: Document, verdict: SampleVerdict, policy: HarvestPolicy): void {
  if (verdict.status === 'failed') showSentTextNotice(doc, `Idiolect could not keep what you just sent. ${verdict.reason}`, 'problem');
  else if (policy.showSentTextNotices) showSentTextNotice(doc, verdict.message, 'quiet');
}
