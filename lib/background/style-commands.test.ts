import { describe, expect, it } from 'vitest';
import { devEmailAuthors, devEmailsAvailable } from '../../tests/support/dev-emails';
import { freshDatabase } from '../../tests/support/fresh-database';
import { SecretStore } from '../db/secrets';
import { addSample } from '../db/sample-writes';
import { ensureActiveProfile } from '../db/profiles';
import { backgroundCommands } from './background-commands';

const present = devEmailsAvailable('the background’s style commands');

/** The background's handlers, as the popup and options page reach them by message. */
function commandsOver(db = freshDatabase()) {
  return { db, commands: backgroundCommands({ db, secrets: new SecretStore(`secrets-${crypto.randomUUID()}`), llmOptions: {}, samplesChanged: async () => undefined, startLearning: () => undefined }) };
}

describe.skipIf(!present)('"sounds like you", computed in the background for the pages', () => {
  it('scores the person’s own unseen text above another writer’s, on the 0-100 scale the popup shows', async () => {
    const [own, other] = devEmailAuthors() as [string[], string[]];
    const { db, commands } = commandsOver();
    const profile = await ensureActiveProfile(db);
    for (const text of own.slice(0, 7)) await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    const mine = await commands.scoreStyle({ profileId: profile.id, text: own[8]! }, {} as never);
    const theirs = await commands.scoreStyle({ profileId: profile.id, text: other[8]! }, {} as never);
    if (mine.score === null || theirs.score === null) throw new Error('a whole e-mail should be scored');
    expect(mine.score).toBeGreaterThan(theirs.score);
    for (const { score } of [mine, theirs]) expect(score).toBeGreaterThanOrEqual(0);
    expect(Object.keys(mine).sort()).toEqual(['roughGuess', 'score']);
  });

  it('says a profile without samples cannot score yet, and flags the one text another writer wrote', async () => {
    const [own, other] = devEmailAuthors() as [string[], string[]];
    const { db, commands } = commandsOver();
    const profile = await ensureActiveProfile(db);
    expect(await commands.scoreStyle({ profileId: profile.id, text: own[0]! }, {} as never)).toEqual({ score: null, reason: 'empty-profile' });
    const samples = [...own.slice(0, 9), other[0]!].map((text, index) => ({ id: `s${index}`, text }));
    const unlike = await commands.findUnlikeSamples(samples, {} as never);
    expect(unlike.map(({ id }) => id)).toContain('s9');
  });
});
