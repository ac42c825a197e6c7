import { describe, expect, it } from 'vitest';
import { shortChunks, unwrapParagraph } from './chunks';
import { wordsOf } from './text';

const wrapped =
  'I had a look at the logs this morning and it turns out that the nightly\njob did not run because the disk was full again, so nothing was copied.\n\n' +
  'Cheers,\nDan';

describe('short chunks', () => {
  it('undoes a mail client\'s line wrapping but keeps short lines', () => {
    expect(unwrapParagraph('a line long enough to have been wrapped by the mail client\nand its rest')).toBe(
      'a line long enough to have been wrapped by the mail client and its rest',
    );
    expect(unwrapParagraph('Cheers,\nDan')).toBe('Cheers,\nDan');
    expect(unwrapParagraph('a line long enough to have been wrapped by the mail client\n- a list item')).toContain('\n- a list item');
  });

  it('merges short paragraphs, cuts long ones between sentences, and keeps every chunk in range', () => {
    const sentence = 'This sentence has exactly ten words in it, you see. ';
    const text = `${wrapped}\n\n${sentence.repeat(9)}\n\nok.`;
    const chunks = shortChunks(text, { min: 20, max: 40 });
    expect(chunks[0]).toBe(
      'I had a look at the logs this morning and it turns out that the nightly job did not run because the disk was full again, so nothing was copied.',
    );
    expect(shortChunks(`Hi all,\n\n${wrapped}`, { min: 20, max: 40 })[0]).toMatch(/^Hi all,\n\nI had a look/);
    for (const chunk of chunks) expect(wordsOf(chunk).length).toBeGreaterThanOrEqual(20);
    for (const chunk of chunks) expect(wordsOf(chunk).length).toBeLessThanOrEqual(40);
    expect(chunks.join(' ')).not.toContain('ok.');
  });
});
