export { describeImportSummary } from './describe-summary';
export { ImportWritingError, isAbortError } from './errors';
export { importPastedText, importWritingFiles, type ImportOptions, type ImportProgress, type ImportSummary } from './import-writing';
export { readMboxMessages, type MboxMessage } from './mbox-reader';
export { markdownToText } from './markdown-to-text';
export { judgeOwnership, parseOwnAddresses, type Ownership, type OwnAddressesInput } from './own-messages';
export { importFileTypeOf, MAX_EML_FILE_BYTES, MAX_TEXT_FILE_BYTES, type ImportFile, type ImportFileType } from './read-file';
