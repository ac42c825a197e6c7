import type { IdiolectDatabase } from '../db/database';
import { readSetting } from '../db/settings';
import { extractOwnText } from '../text';
import { collectFromMbox } from './collect-mbox';
import { judgeEmail, readEmailHeaders } from './email-text';
import { ImportWritingError } from './errors';
import { ImportTally, judgeOwnText } from './judge-text';
import { markdownToText } from './markdown-to-text';
import {
  decodeUtf8Text,
  importFileTypeOf,
  MAX_EML_FILE_BYTES,
  MAX_TEXT_FILE_BYTES,
  readSmallFile,
  type ImportFile,
} from './read-file';
import { storeImportedSamples } from './store-samples';

export interface ImportSummary {
  added: number;
  /** Texts already stored (or imported twice), kept once. */
  duplicates: number;
  /** Texts not stored, counted by reason ("too short"). */
  skipped: Record<string, number>;
  /** Messages of an mbox that someone else sent. */
  notOwn: number;
}

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
  tally: ImportTally,
  redact: boolean,
  options: ImportOptions,
  onRead: (bytesRead: number, messagesRead: number) => void,
): Promise<void> {
  const type = importFileTypeOf(file.name);
  if (!type) throw new ImportWritingError('Idiolect imports .txt, .md, .eml and .mbox files; this is none of them.');
  if (type === 'mbox') {
    await collectFromMbox(file.stream(), tally, { ownAddresses: options.ownAddresses ?? [], redact, signal: options.signal, onMessageRead: onRead });
    return;
  }
  if (type === 'eml') {
    const raw = await readSmallFile(file, MAX_EML_FILE_BYTES);
    const headers = readEmailHeaders(raw);
    if (!EMAIL_HEADERS.some((name) => headers.has(name))) {
      throw new ImportWritingError('This is not an email message: it has no From, To, Date or Subject header.');
    }
    tally.add(await judgeEmail(raw, headers, redact));
    return;
  }
  const text = decodeUtf8Text(await readSmallFile(file, MAX_TEXT_FILE_BYTES));
  const prose = type === 'markdown' ? markdownToText(text) : text;
  const origin = { kind: type === 'markdown' ? 'post' : 'other', source: 'import', site: 'import', writtenAt: writtenAtOfFile(file), recipientDomain: null } as const;
  tally.add(await judgeOwnText(extractOwnText({ kind: 'plain', content: prose }).text, origin, redact));
}

async function storeTally(db: IdiolectDatabase, tally: ImportTally): Promise<ImportSummary> {
  const stored = await storeImportedSamples(db, tally.candidates);
  return { ...stored, skipped: tally.skipped, notOwn: tally.notOwn };
}

/**
 * Imports files the user chose. Everything is read and cleaned before anything is written, and
 * written in one transaction: a bad file, a failure or a cancel leaves the store as it was.
 */
export async function importWritingFiles(db: IdiolectDatabase, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportSummary> {
  if (files.length === 0) throw new ImportWritingError('Choose at least one file to import.');
  const redact = await readSetting(db, 'redactBeforeStoring');
  const tally = new ImportTally();
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
      await collectFromFile(file, tally, redact, options, report);
    } catch (error) {
      if (error instanceof ImportWritingError) throw new ImportWritingError(`${file.name}: ${error.message}`);
      throw error;
    }
    report(file.size, messagesRead);
    finishedBytes += file.size;
  }
  options.signal?.throwIfAborted();
  return storeTally(db, tally);
}

/** One pasted text becomes one sample, cleaned and judged like everything else. */
export async function importPastedText(db: IdiolectDatabase, text: string): Promise<ImportSummary> {
  if (text.trim() === '') throw new ImportWritingError('Paste or type some text first.');
  const redact = await readSetting(db, 'redactBeforeStoring');
  const tally = new ImportTally();
  const origin = { kind: 'other', source: 'paste', site: 'paste', writtenAt: null, recipientDomain: null } as const;
  tally.add(await judgeOwnText(extractOwnText({ kind: 'plain', content: text }).text, origin, redact));
  return storeTally(db, tally);
}
