import type { IdiolectDatabase } from '../../lib/db/database';
import { admitImportedWriting, admitPastedText, readWritingFiles, type ImportFile, type ImportOptions, type ImportSummary } from '../../lib/import-writing';

/** An import as the options page and the background do it together: read the files, then admit what they hold. */
export async function importWritingFiles(db: IdiolectDatabase, files: readonly ImportFile[], options?: ImportOptions): Promise<ImportSummary> {
  return (await admitImportedWriting(db, await readWritingFiles(files, options))).summary;
}

export async function importPastedText(db: IdiolectDatabase, text: string): Promise<ImportSummary> {
  return (await admitPastedText(db, text)).summary;
}
