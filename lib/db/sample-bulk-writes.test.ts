import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { SAMPLE_TEXTS, seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { styleFingerprintOf } from '../style';
import { createProfile } from './profiles';
import { deleteSamples, moveSamples, restoreSamples, setSamplesExcluded } from './sample-writes';
import { readStyleFingerprint } from './style-profiles';

describe('bulk changes to samples from the samples table', () => {
  it('keeps several samples out and lets them back in; the fingerprint counts only the used ones', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    await readStyleFingerprint(db, profile.id);

    const out = await setSamplesExcluded(db, [samples[0]!.id, samples[1]!.id], true);
    expect(out).toEqual({ changedIds: [samples[0]!.id, samples[1]!.id], profileIds: [profile.id] });
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS.slice(2)));

    // Only the ones that change are reported, so an undo puts back exactly what this did.
    expect((await setSamplesExcluded(db, [samples[1]!.id, samples[2]!.id], true)).changedIds).toEqual([samples[2]!.id]);
    await setSamplesExcluded(db, [samples[0]!.id, samples[1]!.id, samples[2]!.id], false);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS));
  });

  it('deletes samples and an undo restores exactly them, ids, dates and kept-out state included', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    await setSamplesExcluded(db, [samples[1]!.id], true);
    const before = await db.samples.toArray();
    await readStyleFingerprint(db, profile.id);

    const deleted = await deleteSamples(db, [samples[0]!.id, samples[1]!.id, 'no-such-sample']);
    expect(deleted.map((sample) => sample.id)).toEqual([samples[0]!.id, samples[1]!.id]);
    expect(await db.samples.count()).toBe(2);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS.slice(2)));

    expect((await restoreSamples(db, deleted)).changedIds).toEqual([samples[0]!.id, samples[1]!.id]);
    expect(await db.samples.toArray()).toEqual(before);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf([SAMPLE_TEXTS[0]!, ...SAMPLE_TEXTS.slice(2)]));
  });

  it('restores nothing into a profile that is gone, and nothing twice', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    const deleted = await deleteSamples(db, [samples[0]!.id]);
    expect((await restoreSamples(db, deleted)).changedIds).toEqual([samples[0]!.id]);
    expect((await restoreSamples(db, deleted)).changedIds).toEqual([]);
    const again = await deleteSamples(db, [samples[0]!.id]);
    await db.profiles.delete(profile.id);
    expect(await restoreSamples(db, again)).toEqual({ changedIds: [], profileIds: [] });
  });

  it('moves samples to another profile, both fingerprints follow, and moving back undoes it', async () => {
    const db = freshDatabase();
    const { profile, samples } = await seedLearnedProfile(db);
    const work = await createProfile(db, 'Work');
    await readStyleFingerprint(db, profile.id);

    const moved = await moveSamples(db, [samples[0]!.id, samples[1]!.id], work.id);
    expect(new Set(moved.profileIds)).toEqual(new Set([profile.id, work.id]));
    expect(await db.samples.where('profileId').equals(work.id).count()).toBe(2);
    expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS.slice(2)));
    expect(await readStyleFingerprint(db, work.id)).toEqual(styleFingerprintOf(SAMPLE_TEXTS.slice(0, 2)));

    await moveSamples(db, moved.changedIds, profile.id);
    expect(await db.samples.where('profileId').equals(profile.id).count()).toBe(4);
    await expect(moveSamples(db, [samples[0]!.id], 'gone')).rejects.toThrow('That profile no longer exists.');
  });
});
