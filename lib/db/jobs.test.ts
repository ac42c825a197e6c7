import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { queueInferenceIfDue } from '../inference/inference-jobs';
import { claimJob } from './jobs';
import { ensureActiveProfile } from './profiles';
import { addSample } from './sample-writes';

const TEXTS = [
  'Hi Ana, the workshop moved to the big room on the second floor, bring the agenda.',
  'Thanks Ben, yes we can take the extra ticket if design signs off by Friday.',
  'Morning all, the staging server restarts at six tonight, save your work first.',
  'Hey Sam, I pushed the fix for the login loop, could you check it on your phone?',
  'Quick one: the release moved to Thursday because QA found two blockers again.',
];

describe('queueing learning', () => {
  afterEach(() => vi.useRealTimers());

  it('queues no second run for texts a running job was claimed after, and one for a text that came later', async () => {
    const db = freshDatabase();
    const profile = await ensureActiveProfile(db);
    for (const text of TEXTS.slice(0, 4)) await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    const first = await queueInferenceIfDue(db, profile.id);
    expect(first).not.toBeNull();
    expect(await claimJob(db, first!.id)).not.toBeNull();
    // The fourth text's own "samples changed" step, arriving after the claim, finds the job running.
    expect(await queueInferenceIfDue(db, profile.id)).toBeNull();

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await addSample(db, { profileId: profile.id, text: TEXTS[4]!, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    expect(await queueInferenceIfDue(db, profile.id)).not.toBeNull();
  });
});
