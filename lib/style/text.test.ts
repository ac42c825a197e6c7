import { describe, expect, it } from 'vitest';
import { splitUnits, wordsOf } from './text';

describe('text units', () => {
  it('keeps contractions as one word and lower-cases', () => {
    expect(wordsOf("I don't know, it's 2002.")).toEqual(['i', "don't", 'know', "it's", '2002']);
  });

  it('counts sentences, paragraphs and lines', () => {
    const u = splitUnits('First one here. Second one!\r\n\r\nNew paragraph? yes\nwrapped line');
    expect(u.sentenceLengths).toEqual([3, 2, 2, 3]);
    expect(u.paragraphLengths).toEqual([5, 5]);
    expect(u.lines).toHaveLength(3);
    expect(u.sentenceStarts).toEqual(['F', 'S', 'N', 'y']);
  });
});
