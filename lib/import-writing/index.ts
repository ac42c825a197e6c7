export { describeImportSummary } from './describe-summary';
export { ImportWritingError, isAbortError } from './errors';
export { importPastedText, importWritingFiles, type ImportOptions, type ImportProgress, type ImportSummary } from './import-writing';
export { parseOwnAddresses, type OwnAddressesInput } from './own-messages';
export { importFileTypeOf, type ImportFile, type ImportFileType } from './read-file';
