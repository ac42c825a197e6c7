import type { AdmissionSource } from './sample-offer';

/** What differs between the ways a text can arrive; every other check is the same for all. */
export interface SourcePolicy {
  /** Only from a site the person allowed (the page could otherwise plant "writing"). */
  needsAllowedSite: boolean;
  /** Pausing promises nothing is collected, so these wait until collection resumes. */
  honoursPause: boolean;
  /** The text may hold someone else's words (a quoted thread) or boilerplate (a signature). */
  stripsQuotesAndSignatures: boolean;
  /** The person may ask to see each one before it is kept (the in-page Keep/Discard card). */
  mayBeReviewed: boolean;
}

export const SOURCE_POLICIES: Record<AdmissionSource, SourcePolicy> = {
  harvest: { needsAllowedSite: true, honoursPause: true, stripsQuotesAndSignatures: true, mayBeReviewed: true },
  // Chosen on purpose from any page, as it is; pause still wins.
  selection: { needsAllowedSite: false, honoursPause: true, stripsQuotesAndSignatures: false, mayBeReviewed: false },
  paste: { needsAllowedSite: false, honoursPause: false, stripsQuotesAndSignatures: true, mayBeReviewed: false },
  // The file reader already took each message's own part, using the message's MIME structure.
  import: { needsAllowedSite: false, honoursPause: false, stripsQuotesAndSignatures: false, mayBeReviewed: false },
  // Samples another Idiolect already cleaned.
  'profile-import': { needsAllowedSite: false, honoursPause: false, stripsQuotesAndSignatures: false, mayBeReviewed: false },
};
