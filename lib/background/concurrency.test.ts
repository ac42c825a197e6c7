import { describe, expect, it } from 'vitest';
import { useFakeModel } from '../../tests/support/fake-model';
import { freshDatabase } from '../../tests/support/fresh-database';
import { fileOf, REPLY_OWN_TEXT, TAKEOUT_MBOX } from '../../tests/support/mbox-fixtures';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { writeSetting } from '../db/settings';
import { readStyleFingerprint } from '../db/style-profiles';
import { importWritingFiles } from '../../tests/support/import-writing';
import { queueInferenceIfDue } from '../inference/inference-jobs';
import { createJobRunner } from '../inference/job-runner';
import { styleFingerprintOf } from '../style';
import { acceptSubmittedSample as admitSentText } from './sample-intake';

/** The verdict on one sent text, as the content script receives it. */
const acceptSubmittedSample = async (...args: Parameters<typeof admitSentText>) => (await admitSentText(...args)).verdicts[0]!;

/*
 * The background serves every tab, the options page and the popup at once. These run the same
 * functions its message handlers run, concurrently, as several tabs and impatient clicks would.
 */

const model = useFakeModel();

const TEXTS = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? Thanks, J',
  'Morning all, quick one: the staging server restarts at 6pm tonight for the database upgrade, so save your work before then please. J',
  'Thanks Ben, short answer is yes, we can take the extra ticket this sprint if design signs off on the mockups by Friday. Cheers, J',
  'Hey Sam, I pushed the fix for the login loop on mobile, could you check it on your phone before lunch and tell me how it goes? J',
];

async function collectingDatabase(): Promise<IdiolectDatabase> {
  const db = freshDatabase();
  await writeSetting(db, 'allowedSites', ['mail.example.com', 'github.com']);
  return db;
}

function sendFrom(db: IdiolectDatabase, url: string, text: string) {
  return acceptSubmittedSample(db, { text, kind: 'email', recipientDomain: null }, url);
}

async function expectFingerprintOfStoredSamples(db: IdiolectDatabase): Promise<void> {
  const profile = await ensureActiveProfile(db);
  const texts = (await db.samples.toArray()).filter((sample) => !sample.excluded).map((sample) => sample.text);
  expect(await readStyleFingerprint(db, profile.id)).toEqual(styleFingerprintOf(texts));
}

describe('several tabs sending at once', () => {
  it('keeps each text once, in one profile, with a fingerprint that counts each once', async () => {
    const db = await collectingDatabase();
    const verdicts = await Promise.all([
      sendFrom(db, 'https://mail.example.com/u/0', TEXTS[0]!),
      sendFrom(db, 'https://mail.example.com/u/1', TEXTS[0]!),
      sendFrom(db, 'https://github.com/o/r/issues/1', TEXTS[1]!),
      sendFrom(db, 'https://mail.example.com/u/2', TEXTS[2]!),
      sendFrom(db, 'https://github.com/o/r/issues/2', `  ${TEXTS[1]!.toUpperCase()}  `),
    ]);
    expect(verdicts.filter((verdict) => verdict.status === 'stored')).toHaveLength(3);
    expect(verdicts.filter((verdict) => verdict.status === 'duplicate')).toHaveLength(2);
    expect(await db.profiles.count()).toBe(1);
    expect((await db.samples.toArray()).map((sample) => sample.text).sort()).toEqual(TEXTS.slice(0, 3).sort());
    await expectFingerprintOfStoredSamples(db);
  });
});

describe('importing a mail export while pages keep sending', () => {
  it('keeps everything from both, a text in both once, and a fingerprint over all of it', async () => {
    const db = await collectingDatabase();
    const [summary, ...verdicts] = await Promise.all([
      importWritingFiles(db, [fileOf('Sent.mbox', TAKEOUT_MBOX, { chunkSize: 64 })]),
      sendFrom(db, 'https://mail.example.com/', TEXTS[3]!),
      sendFrom(db, 'https://mail.example.com/', REPLY_OWN_TEXT),
    ]);
    const texts = (await db.samples.toArray()).map((sample) => sample.text);
    expect(texts).toHaveLength(3);
    expect(texts.filter((text) => text === REPLY_OWN_TEXT)).toHaveLength(1);
    expect(texts).toContain(TEXTS[3]);
    // Whichever path came first stored the shared text; the other counted it as a duplicate.
    expect(summary.added + verdicts.filter((verdict) => verdict.status === 'stored').length).toBe(3);
    await expectFingerprintOfStoredSamples(db);
  });
});

describe('"Learn now" pressed again and again', () => {
  it('queues one job, asks the model once and stores one version', async () => {
    const db = await collectingDatabase();
    for (const text of TEXTS) await sendFrom(db, 'https://mail.example.com/', text);
    const profile = await ensureActiveProfile(db);
    model.server.script({
      delayMs: 50,
      then: {
        json: {
          hypotheses: [{ category: 'style', statement: 'Signs off with a bare initial.', evidence: [], confidence: 0.6 }],
          attributes: { role: null, domain: null, audiences: [], facts: [] },
        },
      },
    });
    const errors: unknown[] = [];
    const runner = createJobRunner(db, async () => model.client(), { onError: (error) => errors.push(error) });
    // What the background's inferNow handler does on each click.
    const learnNow = async () => {
      const queued = (await queueInferenceIfDue(db, profile.id, { force: true })) !== null;
      await runner.kick();
      return queued;
    };
    const clicks = await Promise.all(Array.from({ length: 6 }, learnNow));

    expect(clicks.filter(Boolean)).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(model.server.chatRequests).toHaveLength(1);
    expect(await db.jobs.count()).toBe(1);
    expect(await db.hypothesisSets.count()).toBe(1);
    // Pressed once more with nothing new: nothing is queued and the model is not asked.
    expect(await learnNow()).toBe(false);
    expect(model.server.chatRequests).toHaveLength(1);
  });
});
