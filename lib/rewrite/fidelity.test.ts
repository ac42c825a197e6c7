import { describe, expect, it } from 'vitest';
import { checkFidelity, describeFidelity } from './fidelity';

const DRAFT =
  'Hi Maria, the release moved to Thursday 14 March because QA found 2 blockers. Budget is $1,250.50 (up 15%). ' +
  'See https://example.com/rel/notes. Mail ben@acme.io by 3pm or call at 15:30. Ask Ben Ortiz.';

describe('checking that a rewrite kept the draft’s facts', () => {
  it('accepts the same facts written differently: 3pm as 3 p.m., 2 as two, 1,250.50 as 1250.50, 14 March as March 14th', () => {
    const rewrite =
      'Hey Maria - release is now Thursday, March 14th; QA found two blockers. Budget $1250.50, up 15%. ' +
      'Notes: https://example.com/rel/notes - mail ben@acme.io by 3 p.m. or call 15:30. Ask Ben Ortiz.';
    expect(checkFidelity(DRAFT, rewrite)).toEqual({ missing: [], added: [] });
  });

  it('lists each lost number, date, time, link, email address and name, and each one added', () => {
    const rewrite = 'Hey Maria, the release is now Friday and QA found blockers. Budget $1,250.50, up 15%. Ask Ben, and Sarah joins on 2025-05-01.';
    const { missing, added } = checkFidelity(DRAFT, rewrite);
    expect(missing).toEqual(
      expect.arrayContaining([
        { kind: 'link', text: 'https://example.com/rel/notes' },
        { kind: 'email', text: 'ben@acme.io' },
        { kind: 'date', text: 'Thursday' },
        { kind: 'date', text: '14 March' },
        { kind: 'date', text: '3pm' },
        { kind: 'date', text: '15:30' },
        { kind: 'number', text: '2' },
        { kind: 'name', text: 'Ortiz' },
      ]),
    );
    expect(added).toEqual(expect.arrayContaining([{ kind: 'date', text: 'Friday' }, { kind: 'date', text: '2025-05-01' }, { kind: 'name', text: 'Sarah' }]));
  });

  it('does not take greetings, closings or the first word of a sentence for names', () => {
    expect(checkFidelity('Dear all, the demo is on Tuesday at 3pm.', 'Hi team, the demo is on Tuesday at 3pm. Bring questions. Cheers, J')).toEqual({
      missing: [],
      added: [],
    });
  });

  it('says what to check in one sentence, or nothing when all is kept', () => {
    expect(describeFidelity({ missing: [], added: [] })).toBeNull();
    expect(describeFidelity({ missing: [{ kind: 'number', text: '204' }], added: [{ kind: 'name', text: 'Sarah' }] })).toBe(
      'Check before sending. Missing from the rewrite: 204 (number). Not in your draft: Sarah (name).',
    );
  });
});
