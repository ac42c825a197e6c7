import { describe, expect, it } from 'vitest';
import { IdiolectDatabase } from './database';
import { KEPT_OUT_KEY } from './kept-out-index';
import type { Sample } from './records';
import { countSamplesForLearning, countSamplesOfProfile, recentUsableSamples } from './samples';

function sample(index: number, excluded = false): Sample {
  const at = new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
  return {
    id: `s${index}`,
    profileId: 'p',
    text: `Sample number ${index}, written plainly.`,
    contentHash: `h${index}`,
    site: 'mail.example.com',
    kind: 'email',
    source: 'harvest',
    language: 'en',
    recipientDomain: null,
    wordCount: 5,
    writtenAt: at,
    storedAt: at,
    excluded,
  };
}

const freshDatabase = () => new IdiolectDatabase(`kept-out-${crypto.randomUUID()}`);
const learnedAfter = (index: number) => new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();

describe('counting kept-out samples from their own index', () => {
  it('counts what is kept out, and what is usable since a version was learned, however it was written', async () => {
    const db = freshDatabase();
    await db.samples.bulkAdd([sample(1), sample(2, true), sample(3), sample(4), sample(5, true)]);
    expect(await countSamplesOfProfile(db, 'p', '')).toEqual({ total: 5, keptOut: 2, usableSince: 3 });
    expect(await countSamplesOfProfile(db, 'p', learnedAfter(2))).toEqual({ total: 5, keptOut: 2, usableSince: 2 });

    await db.samples.update('s3', { excluded: true });
    await db.samples.where('id').anyOf(['s2', 's5']).modify({ excluded: false });
    await db.samples.put({ ...sample(4), excluded: true });
    expect(await countSamplesOfProfile(db, 'p', learnedAfter(2))).toEqual({ total: 5, keptOut: 2, usableSince: 1 });
    expect((await countSamplesForLearning(db, 'p', learnedAfter(2), 4)).usableSince).toBe(1);
  });

  it('never hands the index key to a reader', async () => {
    const db = freshDatabase();
    await db.samples.bulkPut([sample(1, true), sample(2)]);
    const read = [await db.samples.get('s1'), ...(await db.samples.bulkGet(['s1'])), ...(await db.samples.toArray()), ...(await db.samples.where('profileId').equals('p').toArray())];
    expect(read).toHaveLength(6);
    for (const record of read) expect(record).not.toHaveProperty(KEPT_OUT_KEY);
    expect(await db.samples.get('s1')).toEqual(sample(1, true));
  });
});

describe('the most recent usable samples', () => {
  it('are the newest ones not kept out, however many kept-out ones are among the newest', async () => {
    const db = freshDatabase();
    // Newest first: s12 … s1; s12, s11, s10 and s7 are kept out.
    await db.samples.bulkAdd(Array.from({ length: 12 }, (_, index) => sample(index + 1, [12, 11, 10, 7].includes(index + 1))));
    expect((await recentUsableSamples(db, 'p', 3)).map(({ id }) => id)).toEqual(['s9', 's8', 's6']);
    expect((await recentUsableSamples(db, 'p', 100)).map(({ id }) => id)).toEqual(['s9', 's8', 's6', 's5', 's4', 's3', 's2', 's1']);
    expect(await recentUsableSamples(db, 'p', 0)).toEqual([]);
  });
});
