import { devEmailAuthors, devEmailsAvailable } from '../../tests/support/dev-emails';
import { describe, expect, it } from 'vitest';
import { styleDistance } from './index';

const hasDevEmails = devEmailsAvailable('style distance');

describe('style distance', () => {
  const terse = 'ok. fixed it. the config was wrong, sorry!! will push tonight. ping me if the build breaks again :)';
  const formal =
    'Dear colleagues,\n\nPlease find attached the revised schedule for the autumn term. I would be grateful if you could review it before Friday.\n\nKind regards,\nMargaret';

  it('is zero for the same text and symmetric', () => {
    expect(styleDistance(terse, terse)).toBeCloseTo(0, 12);
    expect(styleDistance(terse, formal)).toBeCloseTo(styleDistance(formal, terse), 12);
    expect(styleDistance(terse, formal)).toBeGreaterThan(0.5);
  });

  it.skipIf(!hasDevEmails)('puts texts by the same writer closer together than texts by different writers', () => {
    const authors = devEmailAuthors().map((texts) => texts.slice(0, 4));
    const same: number[] = [];
    const different: number[] = [];
    authors.forEach((texts, i) =>
      texts.forEach((a, x) => {
        texts.slice(x + 1).forEach((b) => same.push(styleDistance(a, b)));
        authors.slice(i + 1).forEach((other) => different.push(styleDistance(a, other[0]!)));
      }),
    );
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(same)).toBeLessThan(mean(different));
  });
});
