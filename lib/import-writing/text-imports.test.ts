import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import type { IdiolectDatabase } from '../db/database';
import { describeImportSummary } from './describe-summary';
import { importPastedText, importWritingFiles } from '../../tests/support/import-writing';
import { fileOf, PLAIN_OWN_TEXT } from '../../tests/support/mbox-fixtures';

let db: IdiolectDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  await db.delete();
});

const POST = [
  '---',
  'title: Why I walk to work',
  '---',
  '# Why I walk to work',
  '',
  'For three years I have walked to the office, and it is the **best** part of my day. I read about it on [a small blog](https://example.com/walking) and tried it for a week.',
  '',
  '- It is *quiet*',
  '- It costs nothing',
  '',
  '```js',
  'const steps = 9000;',
  '```',
].join('\n');

const EML = [
  'From: Anna Berg <anna.berg@example.org>',
  'To: Ben <ben@school.example>',
  'Date: Fri, 05 Apr 2024 16:20:00 +0200',
  'Subject: Class trip',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi Ben, the class trip is confirmed for the ninth and the bus leaves at eight, so please have the children there by a quarter to eight.',
  '',
  'On Fri, Apr 5, 2024 at 10:00 AM Ben <ben@school.example> wrote:',
  '> Is the trip still on?',
].join('\r\n');

describe('importing text, markdown and email files', () => {
  it('stores a markdown post as it reads, without syntax marks, link targets or code', async () => {
    await importWritingFiles(db, [fileOf('walking.md', POST)]);
    const [sample] = await db.samples.toArray();
    expect(sample).toMatchObject({ kind: 'post', source: 'import', site: 'import', writtenAt: '2024-01-15T00:00:00.000Z' });
    expect(sample?.text).toBe(
      'Why I walk to work\n\nFor three years I have walked to the office, and it is the best part of my day. I read about it on a small blog and tried it for a week.\n\n- It is quiet\n- It costs nothing',
    );
  });

  it('stores a .txt file as one sample of kind other', async () => {
    const summary = await importWritingFiles(db, [fileOf('garden.txt', PLAIN_OWN_TEXT)]);
    expect(summary.added).toBe(1);
    expect(await db.samples.toArray()).toMatchObject([{ text: PLAIN_OWN_TEXT, kind: 'other', source: 'import' }]);
  });

  it('stores an .eml file without asking whose it is, dropping the quoted question', async () => {
    await importWritingFiles(db, [fileOf('trip.eml', EML)]);
    expect(await db.samples.toArray()).toMatchObject([
      {
        text: 'Hi Ben, the class trip is confirmed for the ninth and the bus leaves at eight, so please have the children there by a quarter to eight.',
        kind: 'email',
        recipientDomain: 'school.example',
        writtenAt: '2024-04-05T14:20:00.000Z',
      },
    ]);
  });

  it('imports several files at once and counts what was skipped and why', async () => {
    const summary = await importWritingFiles(db, [fileOf('garden.txt', PLAIN_OWN_TEXT), fileOf('todo.txt', 'milk, eggs'), fileOf('copy.txt', PLAIN_OWN_TEXT.toUpperCase())]);
    expect(summary).toEqual({ added: 1, duplicates: 1, notOwn: 0, skipped: { 'too short': 1 } });
    expect(describeImportSummary(summary)).toBe('Added 1 sample. 1 text was already stored. Skipped 1: too short (1).');
  });
});

describe('pasting text', () => {
  it('stores pasted text as a sample from a paste', async () => {
    const summary = await importPastedText(db, `  ${PLAIN_OWN_TEXT}\n`);
    expect(summary.added).toBe(1);
    expect(await db.samples.toArray()).toMatchObject([{ text: PLAIN_OWN_TEXT, source: 'paste', kind: 'other', site: 'paste' }]);
  });

  it('explains why a short paste was not kept', async () => {
    const summary = await importPastedText(db, 'See you soon!');
    expect(describeImportSummary(summary)).toBe('Added 0 samples. Skipped 1: too short (1).');
    expect(await db.samples.count()).toBe(0);
  });

  it('asks for text when nothing was pasted', async () => {
    await expect(importPastedText(db, '  \n ')).rejects.toThrow('Paste or type some text first.');
  });
});
