import { sendMessage, type HarvestPolicy } from '../messaging';
import { askToKeepSample } from './review-prompt';
import type { SentText } from './watch-sends';

/** Passes a sent text to the background, after asking the user first when they chose to review. */
export async function handOverSentText(doc: Document, sent: SentText, policy: HarvestPolicy): Promise<void> {
  if (policy.reviewBeforeSaving && !(await askToKeepSample(doc, sent.text))) return;
  await sendMessage('submitSample', { text: sent.text, kind: sent.kind, recipientDomain: sent.recipientDomain });
}
