import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { clearEveryTable } from '../db/clear-everything';
import type { IdiolectDatabase } from '../db/database';
import { createProfile, renameProfile } from '../db/profiles';
import { saveRewriteFeedback } from '../db/rewrite-feedback';
import { addSample } from '../db/sample-writes';
import { exportProfiles } from './export-profiles';
import { importProfiles, previewProfileImport } from './import-profiles';

/*
 * An import merges: a profile in the file that is already here (same id, else same name) takes
 * only what it lacks; the same text in that profile is the same sample; a version already here
 * (same id) is not added again. So nothing is lost, and importing twice adds nothing.
 */

const BLOG_TEXT = 'Spent the weekend rebuilding the garden shed, and learned that every plank is a different length.';

async function everythingStored(db: IdiolectDatabase) {
  return {
    profiles: await db.profiles.orderBy('id').toArray(),
    samples: await db.samples.orderBy('id').toArray(),
    hypothesisSets: await db.hypothesisSets.orderBy('id').toArray(),
    rewriteFeedback: await db.rewriteFeedback.orderBy('id').toArray(),
  };
}

async function twoVoices() {
  const db = freshDatabase();
  const { profile, set } = await seedLearnedProfile(db);
  await saveRewriteFeedback(db, {
    id: 'rewrite-1',
    profileId: profile.id,
    verdict: 'not-like-me',
    note: 'Too formal for my team',
    rewrite: 'Dear colleagues, please find attached the agenda.',
    hypothesisIds: [set.hypotheses[0]!.id],
    setId: set.id,
    createdAt: '2026-11-30T09:00:00.000Z',
  });
  const blog = await createProfile(db, 'Blog');
  await addSample(db, { profileId: blog.id, text: BLOG_TEXT, site: 'blog.example.org', kind: 'post', source: 'harvest' });
  return { db, work: profile, blog };
}

describe('importing an export file', () => {
  it('after a wipe, restores every profile, sample, hypothesis version and verdict on a rewrite exactly, ids included', async () => {
    const { db } = await twoVoices();
    const before = await everythingStored(db);
    const file = JSON.stringify(await exportProfiles(db));
    await clearEveryTable(db);

    expect(await importProfiles(db, file)).toMatchObject({ profiles: 2, merged: 0, samples: 5, hypothesisSets: 1 });
    expect(await everythingStored(db)).toEqual(before);
  });

  it('of one voice brings back that voice alone', async () => {
    const { db, blog } = await twoVoices();
    const file = JSON.stringify(await exportProfiles(db, [blog.id]));
    const before = await everythingStored(db);
    await clearEveryTable(db);
    expect(await importProfiles(db, file)).toMatchObject({ profiles: 1, samples: 1, hypothesisSets: 0 });
    expect(await everythingStored(db)).toEqual({
      profiles: before.profiles.filter((profile) => profile.id === blog.id),
      samples: before.samples.filter((sample) => sample.profileId === blog.id),
      hypothesisSets: [],
      rewriteFeedback: [],
    });
  });

  it('a second time adds nothing, and the preview says so before anything is written', async () => {
    const { db } = await twoVoices();
    const file = JSON.stringify(await exportProfiles(db));
    const before = await everythingStored(db);

    expect(await previewProfileImport(db, file)).toEqual({
      profiles: [
        {
          name: 'My voice',
          into: 'My voice',
          samples: { inFile: 4, new: 0, alreadyHere: 4, refused: 0 },
          hypothesisSets: { inFile: 1, new: 0, alreadyHere: 1 },
          rewriteFeedback: { inFile: 1, new: 0, alreadyHere: 1 },
        },
        {
          name: 'Blog',
          into: 'Blog',
          samples: { inFile: 1, new: 0, alreadyHere: 1, refused: 0 },
          hypothesisSets: { inFile: 0, new: 0, alreadyHere: 0 },
          rewriteFeedback: { inFile: 0, new: 0, alreadyHere: 0 },
        },
      ],
    });
    expect(await importProfiles(db, file)).toMatchObject({ profiles: 0, merged: 2, samples: 0, hypothesisSets: 0 });
    expect(await importProfiles(db, file)).toMatchObject({ profiles: 0, samples: 0, hypothesisSets: 0 });
    expect(await everythingStored(db)).toEqual(before);
  });

  it('merges a partial overlap: only the samples and versions not already here are added, once', async () => {
    const { db, work } = await twoVoices();
    const file = JSON.stringify(await exportProfiles(db));
    // Elsewhere, the same person's store: the work voice has two of the samples and none of the versions.
    const other = freshDatabase();
    const exported = JSON.parse(file);
    exported.profiles[0].samples = exported.profiles[0].samples.slice(0, 2);
    exported.profiles[0].hypothesisSets = [];
    exported.profiles[0].rewriteFeedback = [];
    exported.profiles = [exported.profiles[0]];
    await importProfiles(other, JSON.stringify(exported));
    await addSample(other, { profileId: work.id, text: 'A note written only in this browser, about the quarterly planning session next week.', site: 'mail.example.com', kind: 'email', source: 'harvest' });

    expect(await previewProfileImport(other, file)).toEqual({
      profiles: [
        {
          name: 'My voice',
          into: 'My voice',
          samples: { inFile: 4, new: 2, alreadyHere: 2, refused: 0 },
          hypothesisSets: { inFile: 1, new: 1, alreadyHere: 0 },
          rewriteFeedback: { inFile: 1, new: 1, alreadyHere: 0 },
        },
        {
          name: 'Blog',
          into: null,
          samples: { inFile: 1, new: 1, alreadyHere: 0, refused: 0 },
          hypothesisSets: { inFile: 0, new: 0, alreadyHere: 0 },
          rewriteFeedback: { inFile: 0, new: 0, alreadyHere: 0 },
        },
      ],
    });
    await importProfiles(other, file);
    const merged = await everythingStored(other);
    const original = await everythingStored(db);
    expect(merged.samples).toHaveLength(6);
    // Every record of the export is here, as it was; the one written only here stayed.
    expect(merged.samples).toEqual(expect.arrayContaining(original.samples));
    expect(merged.hypothesisSets).toEqual(original.hypothesisSets);
    expect(merged.rewriteFeedback).toEqual(original.rewriteFeedback);
    expect(merged.profiles).toEqual(original.profiles);
  });

  it('merges a profile of the same name (ignoring case) into the one here, and points its evidence at the samples here', async () => {
    const source = freshDatabase();
    const { set } = await seedLearnedProfile(source);
    const file = JSON.stringify(await exportProfiles(source));
    const target = freshDatabase();
    const here = await seedLearnedProfile(target);
    await renameProfile(target, here.profile.id, 'MY VOICE');

    expect(await importProfiles(target, file)).toMatchObject({ profiles: 0, merged: 1, samples: 0, hypothesisSets: 1 });
    expect(await target.profiles.count()).toBe(1);
    expect(await target.samples.count()).toBe(4);
    const imported = (await target.hypothesisSets.get(set.id))!;
    expect(imported.profileId).toBe(here.profile.id);
    // Version 1 was taken by the set learned here: the file's comes after it.
    expect(imported.version).toBe(2);
    const hereIds = new Set(here.samples.map((sample) => sample.id));
    expect(imported.sampleIds.every((id) => hereIds.has(id))).toBe(true);
    expect(imported.hypotheses.flatMap((hypothesis) => hypothesis.evidence).every((item) => hereIds.has(item.sampleId))).toBe(true);
  });
});
