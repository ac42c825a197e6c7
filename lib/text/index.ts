export { extractOwnText, type OwnText, type OwnTextInput, type RemovedParts } from './extract-own-text';
export { htmlToText, type HtmlToTextOptions, type HtmlToTextResult } from './html-to-text';
export { stripQuotedReply, type QuoteStripResult } from './strip-quoted-reply';
export { stripSignature, type SignatureStripResult } from './strip-signature';
export { parseEmailMessage, type EmailMessage } from './email-message';
export {
  assessSampleQuality,
  countWords,
  describeSample,
  isShortText,
  MIN_SAMPLE_WORDS,
  SHORT_SAMPLE_WORDS,
  type SampleCandidate,
  type SampleQuality,
} from './sample-quality';
export { contentHash, normalizeForDuplicateCheck } from './content-hash';
export { detectLanguage, type DetectedLanguage } from './detect-language';
export { redactPersonalData, type Redaction } from './redact';
