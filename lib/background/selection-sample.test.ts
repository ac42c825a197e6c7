import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { writeSetting } from '../db/settings';
import { addSelectedTextAsSample } from './selection-sample';
import { countSamplesStoredToday } from './today-badge';

const SELECTED = 'A paragraph I wrote on my own blog last year, which I chose from the page with the context menu.';

describe('adding selected text as a sample, and the badge that counts today’s samples', () => {
  it('stores the selection the user chose, from any page, and counts it for today', async () => {
    const db = freshDatabase();
    expect((await addSelectedTextAsSample(db, { text: `  ${SELECTED} `, pageUrl: 'https://blog.example.org/2025/notes' })).verdicts).toMatchObject([{ status: 'stored' }]);
    const [sample] = await db.samples.toArray();
    expect(sample).toMatchObject({ text: SELECTED, site: 'blog.example.org', source: 'selection' });
    expect(await countSamplesStoredToday(db)).toBe(1);
    expect(await countSamplesStoredToday(db, new Date(Date.now() + 2 * 24 * 3600 * 1000))).toBe(0);
  });

  it('does not keep a selection too short to learn from', async () => {
    const db = freshDatabase();
    expect((await addSelectedTextAsSample(db, { text: 'Best regards', pageUrl: 'https://blog.example.org/' })).verdicts).toMatchObject([{ status: 'ignored', label: 'too short' }]);
    expect(await db.samples.count()).toBe(0);
  });

  it('keeps nothing while collection is paused, and says why', async () => {
    const db = freshDatabase();
    await writeSetting(db, 'collectionPaused', true);
    expect((await addSelectedTextAsSample(db, { text: SELECTED, pageUrl: undefined })).verdicts).toMatchObject([{ status: 'ignored', reason: 'Collection is paused.' }]);
    expect(await db.samples.count()).toBe(0);
  });
});
