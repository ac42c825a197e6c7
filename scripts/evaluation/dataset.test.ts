import { describe, expect, it } from 'vitest';
import { parseDataset, splitByAuthor } from './dataset';
import { generationTaskFor, openingOf, targetWordsOf } from './generation-task';

const line = (record: object) => JSON.stringify(record);

describe('parseDataset', () => {
  it('reads records, keeping ids and titles and skipping blank lines', () => {
    const records = parseDataset(
      [line({ author: 'ann', text: 'One.', title: 'Hello', id: 'a1', license: 'CC0' }), '', line({ author: 'bob', text: 'Two.' })].join('\n'),
      'data.jsonl',
    );
    expect(records).toEqual([
      { id: 'a1', author: 'ann', text: 'One.', title: 'Hello' },
      { id: 'bob#3', author: 'bob', text: 'Two.', title: null },
    ]);
  });

  it('names the line of a record that is not JSON or lacks a field', () => {
    expect(() => parseDataset(`${line({ author: 'ann', text: 'x' })}\n{oops`, 'data.jsonl')).toThrow(/data\.jsonl, line 2 is not valid JSON/);
    expect(() => parseDataset(`${line({ author: 'ann', text: 'x' })}\n${line({ author: 'bob' })}`, 'data.jsonl')).toThrow(
      /data\.jsonl, line 2 is not a record \{author, text, title\?\}:\n- text:/,
    );
    expect(() => parseDataset('\n\n', 'empty.jsonl')).toThrow('empty.jsonl holds no records.');
  });
});

describe('splitByAuthor', () => {
  const records = parseDataset(
    ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c'].map((author, index) => line({ author, text: `text ${index}` })).join('\n'),
    'd',
  );

  it('takes the first k texts as samples and holds out the rest, skipping authors with too few', () => {
    const split = splitByAuthor(records, { k: 2 });
    expect(split.authors.map((author) => [author.author, author.samples.length, author.heldOut.map((record) => record.text)])).toEqual([
      ['a', 2, ['text 2', 'text 3']],
      ['c', 2, ['text 8']],
    ]);
    expect(split.skipped).toEqual([{ author: 'b', texts: 2 }]);
  });

  it('caps the authors and the prompts per author', () => {
    const split = splitByAuthor(records, { k: 2, authors: 1, perAuthor: 1 });
    expect(split.authors.map((author) => [author.author, author.heldOut.length])).toEqual([['a', 1]]);
  });

  it('refuses a split that leaves nothing to evaluate', () => {
    expect(() => splitByAuthor(records, { k: 4 })).toThrow(/No author has more than k = 4 texts/);
  });
});

describe('generation tasks', () => {
  it('opens with the first sentence, extended past a bare greeting, over wrapped lines', () => {
    expect(openingOf('Hi all,\n\nThe build is broken\nagain today. Sorry.')).toBe('Hi all, The build is broken again today.');
    expect(openingOf('I think we should ship it now. Then fix.')).toBe('I think we should ship it now.');
  });

  it('asks for the subject, the opening and the length rounded to ten words', () => {
    const text = `I think we should ship it now. ${'word '.repeat(40)}`;
    expect(targetWordsOf(text)).toBe(50);
    expect(generationTaskFor({ id: 'x', author: 'a', text, title: 'Re: release' }).instruction).toBe(
      'Write an email with the subject “Re: release” that begins: “I think we should ship it now.” Continue it to about 50 words.',
    );
    expect(generationTaskFor({ id: 'x', author: 'a', text: 'so what do you all think', title: null }).instruction).toBe(
      'Write an email that begins: “so what do you all think”. Continue it to about 10 words.',
    );
  });
});
