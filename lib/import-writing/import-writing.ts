import { extractOwnText } from '../text';
import { collectFromMbox } from './collect-mbox';
import { emailOffer, readEmailHeaders } from './email-text';
import { ImportWritingError } from './errors';
import { markdownToText } from './markdown-to-text';
import {
  decodeUtf8Text,
  importFileTypeOf,
  MAX_EML_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
  readSmallFile,
  type ImportFile,
} from './read-file';
import { ReadWritingTally, type ReadWriting } from './read-writing-result';

export interface ImportProgress {
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  messagesRead: number;
}

export interface ImportOptions {
  /** The user's addresses, lower-cased; needed for an mbox without Gmail labels. */
  ownAddresses?: readonly string[];
  signal?: AbortSignal;
  onProgress?(progress: ImportProgress): void;
}

const EMAIL_HEADERS = ['from', 'to', 'date', 'subject'];

function writtenAtOfFile(file: ImportFile): string | null {
  return Number.isFinite(file.lastModified) && file.lastModified > 0 ? new Date(file.lastModified).toISOString() : null;
}

async function collectFromFile(
  file: ImportFile,
  tally: ReadWritingTally,
  options: ImportOptions,
  onRead: (bytesRead: number, messagesRead: number) => void,
): Promise<void> {
  const type = importFileTypeOf(file.name);
  if (!type) throw new ImportWritingError('Idiolect imports .txt, .md, .eml and .mbox files; this is none of them.');
  if (type === 'mbox') {
    await collectFromMbox(file.stream(), tally, { ownAddresses: options.ownAddresses ?? [], signal: options.signal, onMessageRead: onRead });
    return;
  }
  if (type === 'eml') {
    const raw = await readSmallFile(file, MAX_EML_FILE_BYTES);
    const headers = readEmailHeaders(raw);
    if (!EMAIL_HEADERS.some((name) => headers.has(name))) {
      throw new ImportWritingError('This is not an email message: it has no From, To, Date or Subject header.');
    }
    tally.offers.push(emailOffer(raw, headers));
    return;
  }
  const text = decodeUtf8Text(await readSmallFile(file, MAX_TEXT_FILE_BYTES));
  const prose = type === 'markdown' ? markdownToText(text) : text;
  tally.offers.push({
    text: extractOwnText({ kind: 'plain', content: prose }).text,
    kind: type === 'markdown' ? 'post' : 'other',
    writtenAt: writtenAtOfFile(file),
  });
}

/**
 * Reads the files the user chose, in the page they chose them in, down to the texts that are
 * their own. Nothing is stored: the background judges and keeps them (admitImportedWriting), so
 * a bad file, a failure or a cancel while reading leaves the store as it was.
 */
export async function readWritingFiles(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ReadWriting> {
  if (files.length === 0) throw new ImportWritingError('Choose at least one file to import.');
  const tally = new ReadWritingTally();
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let finishedBytes = 0;
  for (const file of files) {
    options.signal?.throwIfAborted();
    let messagesRead = 0;
    const report = (bytesRead: number, messages: number) => {
      messagesRead = messages;
      options.onProgress?.({ fileName: file.name, bytesRead: finishedBytes + bytesRead, totalBytes, messagesRead });
    };
    try {
      await collectFromFile(file, tally, options, report);
    } catch (error) {
      if (error instanceof ImportWritingError) throw new ImportWritingError(`${file.name}: ${error.message}`);
      throw error;
    }
    report(file.size, messagesRead);
    finishedBytes += file.size;
  }
  options.signal?.throwIfAborted();
  return tally.result();
}
