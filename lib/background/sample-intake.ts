import type { IdiolectDatabase } from '../db/database';
import type { SampleSubmission } from '../messaging';
import { admitSamples, previewAdmission, type Admission } from '../samples/admit-samples';
import type { SampleVerdict } from '../samples/sample-verdict';

/**
 * Decides whether a text sent on a page becomes a sample. The content script is only present on
 * allowed sites, but the background checks again: a page must never be able to add samples on
 * its own. The admission pipeline cleans it (quoted replies, forwarded blocks and signatures are
 * someone else's words or boilerplate) and judges it like any other text.
 */
export function acceptSubmittedSample(db: IdiolectDatabase, submission: SampleSubmission, senderUrl: string | undefined): Promise<Admission> {
  return admitSamples(db, 'harvest', [submission], { pageUrl: senderUrl });
}

/** What accepting the text would answer, storing nothing (the review card asks only about texts that would be kept). */
export function previewSubmittedSample(db: IdiolectDatabase, submission: SampleSubmission, senderUrl: string | undefined): Promise<SampleVerdict> {
  return previewAdmission(db, 'harvest', submission, { pageUrl: senderUrl });
}
