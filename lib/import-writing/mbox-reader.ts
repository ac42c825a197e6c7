import { ImportWritingError } from './errors';

/** One message of an mbox file, as raw bytes (headers and body), `>From ` lines un-escaped. */
export interface MboxMessage {
  raw: Uint8Array;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_SPACE = [0x46, 0x72, 0x6f, 0x6d, 0x20];

function startsWithFromSpace(line: Uint8Array, offset: number): boolean {
  if (line.length - offset < FROM_SPACE.length) return false;
  return FROM_SPACE.every((byte, i) => line[offset + i] === byte);
}

/** mboxrd escapes body lines `>*From ` with one more `>`; mboxo only `From `. Removing one `>` undoes both. */
function isEscapedFromLine(line: Uint8Array): boolean {
  let i = 0;
  while (line[i] === GT) i++;
  return i > 0 && startsWithFromSpace(line, i);
}

function isBlank(line: Uint8Array): boolean {
  return line.every((byte) => byte === LF || byte === CR || byte === 0x20 || byte === 0x09);
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/**
 * Collects a message's lines. Consecutive lines of one chunk stay one slice of it, so a large
 * message costs a few copies rather than one object per line.
 */
class MessageBytes {
  private pieces: Uint8Array[] = [];
  private run: { chunk: Uint8Array; start: number; end: number } | null = null;

  append(chunk: Uint8Array, start: number, end: number): void {
    if (this.run && this.run.chunk === chunk && this.run.end === start) {
      this.run.end = end;
      return;
    }
    this.flushRun();
    this.run = { chunk, start, end };
  }

  take(): Uint8Array {
    this.flushRun();
    const raw = concat(this.pieces);
    this.pieces = [];
    return raw;
  }

  private flushRun(): void {
    if (this.run) this.pieces.push(this.run.chunk.subarray(this.run.start, this.run.end));
    this.run = null;
  }
}

const NOT_AN_MBOX = 'This is not an mbox file: it does not start with a "From " line. Export your mail as mbox (for Gmail: Google Takeout) and try again.';
const BINARY = 'This file holds binary data, so it is not an mbox export of your mail.';

/** Splits complete lines into messages at `From ` separator lines. */
class MessageSplitter {
  private message: MessageBytes | null = null;

  /** Returns the message that a separator line ended, if any. */
  takeLine(source: Uint8Array, start: number, end: number): Uint8Array | null {
    const line = source.subarray(start, end);
    if (startsWithFromSpace(line, 0)) {
      const ended = this.message?.take() ?? null;
      this.message = new MessageBytes();
      return ended;
    }
    if (!this.message) {
      if (!isBlank(line)) throw new ImportWritingError(NOT_AN_MBOX);
    } else if (isEscapedFromLine(line)) {
      this.message.append(source, start + 1, end);
    } else {
      this.message.append(source, start, end);
    }
    return null;
  }

  finish(): Uint8Array | null {
    return this.message?.take() ?? null;
  }
}

/**
 * Reads an mbox (mboxo or mboxrd, as Gmail Takeout writes it) from a stream, yielding one message
 * at a time, so a file of hundreds of megabytes never has to fit in memory.
 */
export async function* readMboxMessages(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<MboxMessage> {
  const reader = stream.getReader();
  const splitter = new MessageSplitter();
  let finished = false;
  let bytesRead = 0;
  let carry: Uint8Array[] = [];
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      bytesRead += value.length;
      if (value.includes(0)) throw new ImportWritingError(BINARY);
      let start = 0;
      for (let newline = value.indexOf(LF); newline !== -1; newline = value.indexOf(LF, start)) {
        let ended: Uint8Array | null;
        if (carry.length > 0) {
          const line = concat([...carry, value.subarray(start, newline + 1)]);
          carry = [];
          ended = splitter.takeLine(line, 0, line.length);
        } else {
          ended = splitter.takeLine(value, start, newline + 1);
        }
        if (ended) yield { raw: ended, bytesRead };
        start = newline + 1;
      }
      if (start < value.length) carry.push(value.subarray(start));
    }
    if (carry.length > 0) {
      const line = concat(carry);
      const ended = splitter.takeLine(line, 0, line.length);
      if (ended) yield { raw: ended, bytesRead };
    }
    const last = splitter.finish();
    if (last) yield { raw: last, bytesRead };
  } finally {
    if (finished) reader.releaseLock();
    // A stream that failed rejects the cancel with its own error, which is already on its way up.
    else await reader.cancel().catch(() => undefined);
  }
}
