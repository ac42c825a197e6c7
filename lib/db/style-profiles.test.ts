import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { SAMPLE_TEXTS, seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { styleFingerprintOf } from '../style';
import { addSample } from './sample-writes';
import { deleteSample, setSampleExcluded } from './sample-edits';
import { countSamplesOfProfile, countUsableSamples } from './samples';
import { isStoredFingerprintFresh, readStyleFingerprint } from './style-profiles';

describe('the style fingerprint follows the profile’s samples', () => {
  it('updates sample by sample as texts are added, excluded, included again and deleted', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS));

    const extra = 'Folks, the quarterly numbers are in the shared drive now. Have a look before Monday and bring your questions to the review.';
    await addSample(db, { profileId: profile.id, text: extra, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    expect((await db.styleProfiles.get(profile.id))!.fingerprint).toEqual(styleFingerprintOf([...SAMPLE_TEXTS, extra]));

    await setSampleExcluded(db, samples[0]!.id, true);
    expect((await db.styleProfiles.get(profile.id))!.fingerprint).toEqual(styleFingerprintOf([...SAMPLE_TEXTS.slice(1), extra]));
    await setSampleExcluded(db, samples[0]!.id, false);
    await deleteSample(db, samples[1]!.id);
    const remaining = [SAMPLE_TEXTS[0]!, ...SAMPLE_TEXTS.slice(2), extra];
    expect((await db.styleProfiles.get(profile.id))!.fingerprint.samples).toBe(remaining.length);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(remaining));
  });

  it('rebuilds itself when samples were written without it (bulk imports)', async () => {
    const db = freshDatabase();
    const { profile } = await seedLearnedProfile(db);
    await readStyleFingerprint(db, profile.id);
    const [first] = await db.samples.toArray();
    await db.samples.bulkAdd([{ ...first!, id: crypto.randomUUID(), contentHash: 'other', text: 'A bulk-imported text that never went through addSample at all, written the lazy way.' }]);
    expect((await readStyleFingerprint(db, profile.id)).samples).toBe(5);
  });

  it('puts back the index entries of kept-out samples written around the database layer, and is then current', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    await setSampleExcluded(db, samples[0]!.id, true);
    // As a store written by other code would be: the kept-out sample without its index entry.
    const plain = new Dexie(db.name);
    plain.version(db.verno).stores(Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')])));
    await plain.table('samples').put({ ...samples[0]!, excluded: true });
    plain.close();
    expect((await countSamplesOfProfile(db, profile.id, '')).keptOut).toBe(0);

    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS.slice(1)));
    expect((await countSamplesOfProfile(db, profile.id, '')).keptOut).toBe(1);
    expect(isStoredFingerprintFresh(await db.styleProfiles.get(profile.id), await countUsableSamples(db, profile.id))).toBe(true);
  });
});
