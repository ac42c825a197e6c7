import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import type { IdiolectDatabase } from '../db/database';
import { writeSetting } from '../db/settings';
import { ImportWritingError } from './errors';
import type { ImportProgress } from './import-writing';
import { importWritingFiles } from '../../tests/support/import-writing';
import { ESCAPED_OWN_TEXT_START, fileOf, PLAIN_MBOX, PLAIN_OWN_TEXT, REPLY_OWN_TEXT, TAKEOUT_MBOX } from '../../tests/support/mbox-fixtures';

let db: IdiolectDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

const storedTexts = async () => (await db.samples.toArray()).map((sample) => sample.text).sort();

describe('importing a Gmail Takeout mbox', () => {
  it('keeps only the messages labelled Sent, cleaned down to what the user wrote', async () => {
    const summary = await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX)]);

    expect(summary).toEqual({ added: 2, duplicates: 0, notOwn: 1, skipped: { 'too short': 1 } });
    const reply = (await db.samples.toArray()).find((sample) => sample.text.startsWith('Hi Tom'));
    expect(reply).toMatchObject({
      text: REPLY_OWN_TEXT,
      source: 'import',
      kind: 'email',
      site: 'import',
      writtenAt: '2024-03-12T10:04:06.000Z',
      recipientDomain: 'partner.example',
      language: 'en',
    });
    const texts = (await storedTexts()).join('\n');
    expect(texts).not.toContain('here is the draft');
    expect(texts).not.toContain('Product Lead');
  });

  it('stores body lines that began with "From " as the user wrote them', async () => {
    await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX)]);
    const notes = (await db.samples.toArray()).find((sample) => sample.text.startsWith(ESCAPED_OWN_TEXT_START));
    expect(notes?.text).toContain('\nFrom the start we said the launch would be small');
  });

  it('stores the same samples when the file is read in 7-byte chunks', async () => {
    const whole = await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX)]);
    const wholeTexts = await storedTexts();
    const other = freshDatabase();
    try {
      const chunked = await importWritingFiles(other, [fileOf('Sent.mbox', TAKEOUT_MBOX, { chunkSize: 7 })]);
      expect(chunked).toEqual(whole);
      expect((await other.samples.toArray()).map((sample) => sample.text).sort()).toEqual(wholeTexts);
    } finally {
      await other.delete();
    }
  });

  it('reports progress that only grows and ends at 100%', async () => {
    const progress: ImportProgress[] = [];
    await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX, { chunkSize: 100 })], { onProgress: (p) => progress.push(p) });
    const shares = progress.map((p) => p.bytesRead / p.totalBytes);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBeLessThan(1);
    expect(shares.at(-1)).toBe(1);
    expect(progress.at(-1)?.messagesRead).toBe(4);
  });

  it('keeps a message once when the same export is imported twice', async () => {
    await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX)]);
    const again = await importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX)]);
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expect(await db.samples.count()).toBe(2);
  });

  it('replaces addresses and phone numbers when the user asked for redaction', async () => {
    await writeSetting(db, 'redactBeforeStoring', true);
    const mbox = TAKEOUT_MBOX.replace('talk about it together', 'talk about it with lena@example.com');
    await importWritingFiles(db, [fileOf('Sent.mbox', mbox)]);
    expect((await storedTexts()).join('\n')).toContain('talk about it with [email] on Monday');
  });
});

describe('importing an mbox without Gmail labels', () => {
  it('keeps the messages sent from the address the user gave, whatever its case', async () => {
    const summary = await importWritingFiles(db, [fileOf('Sent Messages.mbox', PLAIN_MBOX)], { ownAddresses: ['anna.berg@example.org'] });
    expect(summary).toEqual({ added: 1, duplicates: 0, notOwn: 1, skipped: {} });
    expect(await storedTexts()).toEqual([PLAIN_OWN_TEXT]);
  });

  it('asks for the address instead of guessing, and stores nothing', async () => {
    const importing = importWritingFiles(db, [fileOf('Sent Messages.mbox', PLAIN_MBOX)]);
    await expect(importing).rejects.toThrow('Sent Messages.mbox: This mbox is not a Gmail Takeout export, so Idiolect cannot tell which messages you sent. Enter your email address(es) and import again.');
    expect(await db.samples.count()).toBe(0);
  });
});

describe('a bad file changes nothing', () => {
  const good = () => fileOf('notes.txt', PLAIN_OWN_TEXT);

  it.each([
    ['binary garbage', 'photo.mbox', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /photo\.mbox: .*(not an mbox|binary data)/],
    ['JSON renamed to .mbox', 'export.mbox', '{"messages": []}\n', /export\.mbox: This is not an mbox file/],
    ['an empty mbox', 'empty.mbox', '', /empty\.mbox: This mbox file holds no messages/],
    ['an mbox of received mail only', 'Inbox.mbox', TAKEOUT_MBOX.replace(/X-Gmail-Labels: [^\n]*Sent[^\n]*/g, 'X-Gmail-Labels: Inbox'), /Inbox\.mbox: None of the 4 messages in this mbox was sent by you/],
    ['a text file in Latin-1', 'letter.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /letter\.txt: This file is not UTF-8 text/],
    ['an .eml that is not an email', 'note.eml', 'just some words without any headers at all', /note\.eml: This is not an email message/],
    ['a file type Idiolect does not read', 'report.pdf', '%PDF-1.7', /report\.pdf: Idiolect imports \.txt, \.md, \.eml and \.mbox files/],
  ])('%s', async (_case, name, content, message) => {
    const importing = importWritingFiles(db, [good(), fileOf(name, content)]);
    await expect(importing).rejects.toThrow(ImportWritingError);
    await expect(importWritingFiles(db, [good(), fileOf(name, content)])).rejects.toThrow(message);
    expect(await db.samples.count()).toBe(0);
    expect(await db.profiles.count()).toBe(0);
  });

  it('refuses a text file over 5 MB before reading it', async () => {
    const huge = { ...fileOf('dump.txt', 'x'), size: 6 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    await expect(importWritingFiles(db, [huge])).rejects.toThrow('dump.txt: This file is 6 MB, more than the 5 MB a single text or email can be.');
    expect(await db.samples.count()).toBe(0);
  });

  it('stores nothing when cancelled part way', async () => {
    const controller = new AbortController();
    const importing = importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX, { chunkSize: 50 })], {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.messagesRead === 2) controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.samples.count()).toBe(0);
  });
});
