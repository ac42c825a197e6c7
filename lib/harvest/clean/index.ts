export { extractOwnText, type OwnText, type OwnTextInput, type RemovedParts } from './extract-own-text';
export { htmlToText, type HtmlToTextOptions, type HtmlToTextResult } from './html-to-text';
export { stripQuotedReply, type QuoteStripResult } from './strip-quoted-reply';
export { stripSignature, type SignatureStripResult } from './strip-signature';
export { parseEmailMessage, type EmailMessage } from './email-message';
