import { describe, expect, it } from 'vitest';
import { useFakeModel } from '../../tests/support/fake-model';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { fillStorage } from '../../tests/support/storage-full';
import { acceptSubmittedSample as admitSentText } from '../background/sample-intake';
import { queueInferenceIfDue, runInferenceJob } from '../inference/inference-jobs';
import { styleFingerprintOf } from '../style';
import type { IdiolectDatabase } from './database';
import { addSample } from './sample-writes';
import { writeSetting } from './settings';
import { readStyleFingerprint } from './style-profiles';

/** The verdict on one sent text, as the content script receives it. */
const acceptSubmittedSample = async (...args: Parameters<typeof admitSentText>) => (await admitSentText(...args)).verdicts[0]!;

const model = useFakeModel();
const FULL = /^Your browser’s storage for Idiolect is full, so .* was not saved\. Free some space: delete samples .* in Idiolect’s options/;

const SENT = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? Thanks, J',
  'Morning all, quick one: the staging server restarts at 6pm tonight for the database upgrade, so save your work before then please. J',
  'Hey Sam, I pushed the fix for the login loop on mobile, could you check it on your phone before lunch and tell me how it goes? J',
];

/** Everything a person could lose, as stored. */
async function everythingStored(db: IdiolectDatabase) {
  return {
    profiles: await db.profiles.toArray(),
    samples: await db.samples.orderBy('id').toArray(),
    hypothesisSets: await db.hypothesisSets.orderBy('id').toArray(),
    styleProfiles: await db.styleProfiles.toArray(),
  };
}

function send(db: IdiolectDatabase, text: string) {
  return acceptSubmittedSample(db, { text, kind: 'email', recipientDomain: null }, 'https://mail.example.com/compose');
}

describe('a full browser storage while storing a sent text', () => {
  async function twoSamplesSent(tables: readonly string[]) {
    const db = freshDatabase();
    const storage = fillStorage(db, tables);
    storage.full = false;
    await writeSetting(db, 'allowedSites', ['mail.example.com']);
    for (const text of SENT.slice(0, 2)) expect(await send(db, text)).toMatchObject({ status: 'stored' });
    const [profile] = await db.profiles.toArray();
    await readStyleFingerprint(db, profile!.id);
    return { db, storage, profileId: profile!.id };
  }

  it('tells the page what to do, and loses or half-writes nothing stored before', async () => {
    const { db, storage, profileId } = await twoSamplesSent(['samples']);
    const before = await everythingStored(db);

    storage.full = true;
    const verdict = await send(db, SENT[2]!);
    expect(verdict).toMatchObject({ status: 'failed', reason: expect.stringMatching(FULL) });
    expect(verdict.status === 'failed' && verdict.reason).toContain('the text you just sent');
    expect(await everythingStored(db)).toEqual(before);

    // Once there is room the same text is stored, and the fingerprint counts it exactly once.
    storage.full = false;
    expect(await send(db, SENT[2]!)).toMatchObject({ status: 'stored' });
    expect(await db.samples.count()).toBe(3);
    expect(await readStyleFingerprint(db, profileId)).toEqual(styleFingerprintOf((await db.samples.toArray()).map((sample) => sample.text)));
  });

  it('keeps the text when only the style fingerprint could not be updated; the fingerprint is rebuilt from the samples later', async () => {
    const { db, storage, profileId } = await twoSamplesSent(['styleProfiles']);
    storage.full = true;
    expect(await send(db, SENT[2]!)).toMatchObject({ status: 'stored' });
    expect((await db.samples.toArray()).map((sample) => sample.text).sort()).toEqual([...SENT].sort());
    storage.full = false;
    expect(await readStyleFingerprint(db, profileId)).toEqual(styleFingerprintOf((await db.samples.toArray()).map((sample) => sample.text)));
  });
});

describe('a full browser storage while storing a new version of the profile', () => {
  it('fails the learning job with a message the popup shows, and keeps every sample and the current version', async () => {
    const db = freshDatabase();
    const storage = fillStorage(db, ['hypothesisSets']);
    storage.full = false;
    const { profile, set } = await seedLearnedProfile(db);
    // The current version was learned before the text below arrived.
    await db.hypothesisSets.update(set.id, { createdAt: '2020-01-01T00:00:00.000Z' });
    await addSample(db, { profileId: profile.id, text: SENT[0]!, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    const before = await everythingStored(db);

    storage.full = true;
    model.server.script({
      json: {
        reviewed: [],
        added: [{ category: 'style', statement: 'Names the weekday a change moves to.', evidence: [], confidence: 0.6 }],
        attributes: { role: null, domain: null, audiences: [], facts: [] },
      },
    });
    const job = await queueInferenceIfDue(db, profile.id, { force: true });
    await expect(runInferenceJob(db, job!.id, model.client())).rejects.toMatchObject({ name: 'QuotaExceededError' });

    expect(model.server.chatRequests).toHaveLength(1);
    const failed = await db.jobs.get(job!.id);
    expect(failed).toMatchObject({ state: 'failed', resultSetId: null });
    expect(failed!.error).toMatch(FULL);
    expect(failed!.error).toContain('the new version of your profile');
    expect(failed!.error).toContain('Your samples and your current profile are kept');
    expect(await everythingStored(db)).toEqual(before);

    // With room again, "Try learning again" stores version 2 on top of the kept version 1.
    storage.full = false;
    model.server.script({ json: { reviewed: [], added: [], attributes: { role: null, domain: null, audiences: [], facts: [] } } });
    const retry = await queueInferenceIfDue(db, profile.id, { force: true });
    expect(await runInferenceJob(db, retry!.id, model.client())).toMatchObject({ version: 2, basedOnVersion: 1 });
  });
});
