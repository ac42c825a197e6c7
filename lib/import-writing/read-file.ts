import { ImportWritingError } from './errors';

/** What the import needs of a browser `File`; tests can hand in their own streams. */
export interface ImportFile {
  readonly name: string;
  readonly size: number;
  /** Milliseconds since 1970, when the file was last changed: the best guess of when a text was written. */
  readonly lastModified: number;
  stream(): ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ImportFileType = 'text' | 'markdown' | 'eml' | 'mbox';

const TYPES_BY_EXTENSION: Record<string, ImportFileType> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  eml: 'eml',
  mbox: 'mbox',
};

/** Decided by the extension, as the user named the file; null for a type Idiolect does not import. */
export function importFileTypeOf(name: string): ImportFileType | null {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? null;
}

/** A single text is never this large; a bigger file is something else (a log, a dump, an archive). */
export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;
/** One email with attachments: Gmail's 25 MB attachment limit after base64 encoding. */
export const MAX_EML_FILE_BYTES = 35 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export async function readSmallFile(file: ImportFile, limit: number): Promise<Uint8Array> {
  if (file.size > limit) {
    throw new ImportWritingError(`This file is ${megabytes(file.size)}, more than the ${megabytes(limit)} a single text or email can be.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new ImportWritingError('This file holds binary data, not text.');
  return bytes;
}

/** Strict UTF-8: a file in another encoding would otherwise be stored with garbled letters. */
export function decodeUtf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportWritingError('This file is not UTF-8 text. Save it as UTF-8 (most editors offer this under "Save as") and try again.');
  }
}
