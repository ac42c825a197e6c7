import { describe, expect, it } from 'vitest';
import { ImportWritingError } from './errors';
import { readMboxMessages, type MboxMessage } from './mbox-reader';
import { PLAIN_MBOX, streamOf, TAKEOUT_MBOX } from '../../tests/support/mbox-fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function readAll(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<MboxMessage[]> {
  const messages: MboxMessage[] = [];
  for await (const message of readMboxMessages(stream, signal)) messages.push(message);
  return messages;
}

describe('readMboxMessages', () => {
  it('splits a Takeout mbox into its messages, without the From separator lines', async () => {
    const messages = await readAll(streamOf(encode(TAKEOUT_MBOX)));
    expect(messages).toHaveLength(4);
    expect(messages.map((m) => decode(m.raw).split('\n')[0])).toEqual([
      'X-GM-THRID: 1792837465123456789',
      'X-Gmail-Labels: Inbox,Category Personal',
      'X-Gmail-Labels: Archived,Sent',
      'X-Gmail-Labels: Sent',
    ]);
  });

  it('un-escapes >From lines in bodies by one level (mboxrd)', async () => {
    const [, , notes] = await readAll(streamOf(encode(TAKEOUT_MBOX)));
    const body = decode(notes!.raw);
    expect(body).toContain('\nFrom the start we said the launch would be small');
    expect(body).toContain('\n>From a quote I kept');
  });

  it('gives the same messages when the file arrives in 7-byte chunks', async () => {
    const whole = await readAll(streamOf(encode(TAKEOUT_MBOX)));
    const chunked = await readAll(streamOf(encode(TAKEOUT_MBOX), 7));
    expect(chunked.map((m) => decode(m.raw))).toEqual(whole.map((m) => decode(m.raw)));
  });

  it('reads CRLF files and files without a final newline', async () => {
    const crlf = PLAIN_MBOX.trimEnd().replace(/\n/g, '\r\n');
    const messages = await readAll(streamOf(encode(crlf), 5));
    expect(messages).toHaveLength(2);
    expect(decode(messages[1]!.raw)).toMatch(/^From: Karl <karl@garden\.example>\r\n/);
    expect(decode(messages[1]!.raw)).toMatch(/see you all there then\.$/);
  });

  it('reports bytes read growing to the file size', async () => {
    const bytes = encode(TAKEOUT_MBOX);
    const progress = (await readAll(streamOf(bytes, 64))).map((m) => m.bytesRead);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('refuses a file that does not start with a From line, such as JSON renamed to .mbox', async () => {
    const json = encode('{"messages": [{"from": "anna@example.org", "text": "hello"}]}\n');
    await expect(readAll(streamOf(json))).rejects.toThrow(ImportWritingError);
    await expect(readAll(streamOf(json))).rejects.toThrow(/not an mbox file/);
  });

  it('refuses binary data even after a valid start', async () => {
    const binary = new Uint8Array([...encode('From x Mon Jan 1 00:00:00 2024\n'), 0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]);
    await expect(readAll(streamOf(binary))).rejects.toThrow(/binary data/);
  });

  it('stops reading the file when cancelled', async () => {
    const controller = new AbortController();
    let cancelled = false;
    const stream = streamOf(encode(TAKEOUT_MBOX), 16, () => {
      cancelled = true;
    });
    const read = (async () => {
      for await (const message of readMboxMessages(stream, controller.signal)) {
        expect(message.raw.length).toBeGreaterThan(0);
        controller.abort();
      }
    })();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled).toBe(true);
  });
});
