export { admitImportedWriting, admitPastedText, importSummarySchema, type AdmittedImport, type ImportSummary } from './admit-imported-writing';
export { describeImportSummary } from './describe-summary';
export { ImportWritingError, isAbortError } from './errors';
export { readWritingFiles, type ImportOptions, type ImportProgress } from './import-writing';
export { parseOwnAddresses, type OwnAddressesInput } from './own-messages';
export { importFileTypeOf, type ImportFile, type ImportFileType } from './read-file';
export { readWritingSchema, type ReadWriting } from './read-writing-result';
