import { sendMessage, type HarvestPolicy } from '../messaging';
import { askToKeepSample } from './review-prompt';
import { showSampleProblem } from './sample-problem-notice';
import type { SentText } from './watch-sends';

/**
 * Passes a sent text to the background, after asking the user first when they chose to review.
 * A text that could not be stored (the browser's storage is full) is reported in the page.
 */
export async function handOverSentText(doc: Document, sent: SentText, policy: HarvestPolicy): Promise<void> {
  if (policy.reviewBeforeSaving && !(await askToKeepSample(doc, sent.text))) return;
  const verdict = await sendMessage('submitSample', { text: sent.text, kind: sent.kind, recipientDomain: sent.recipientDomain });
  if (verdict.status === 'failed') showSampleProblem(doc, verdict.reason);
}
