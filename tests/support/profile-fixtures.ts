import type { IdiolectDatabase } from '../../lib/db/database';
import { ensureActiveProfile } from '../../lib/db/profiles';
import { addSample } from '../../lib/db/sample-writes';
import type { Hypothesis, HypothesisSet } from '../../lib/hyperalign/schema';

export const SAMPLE_TEXTS = [
  'Hi Maria, the release moved to Thursday because QA found two blockers. Can you tell the client? Thanks, J',
  'Morning all, quick one: the staging server restarts at 6pm tonight, so save your work before then. J',
  'Thanks Ben, short answer is yes, we can take the extra ticket if design signs off by Friday. Cheers, J',
  'Hey Sam, I pushed the fix for the login loop, could you check it on your phone before lunch? J',
];

/** A profile with four samples and one hypothesis set whose evidence quotes them. */
export async function seedLearnedProfile(db: IdiolectDatabase, hypotheses?: Hypothesis[]) {
  const profile = await ensureActiveProfile(db);
  const samples = [];
  for (const text of SAMPLE_TEXTS) {
    const result = await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    if (result.status === 'stored') samples.push(result.sample);
  }
  const set: HypothesisSet = {
    id: crypto.randomUUID(),
    profileId: profile.id,
    version: 1,
    createdAt: new Date().toISOString(),
    hypotheses: hypotheses ?? [
      {
        id: crypto.randomUUID(),
        category: 'style',
        statement: 'Signs off with a bare initial.',
        evidence: [{ sampleId: samples[0]!.id, quote: 'Thanks, J' }],
        confidence: 0.8,
        status: 'inferred',
      },
      {
        id: crypto.randomUUID(),
        category: 'communication',
        statement: 'Asks the reader to act before a deadline.',
        evidence: [{ sampleId: samples[3]!.id, quote: 'before lunch' }],
        confidence: 0.6,
        status: 'pinned',
      },
    ],
    attributes: { role: 'Team lead', domain: 'software', audiences: ['colleagues'], facts: [] },
    sampleIds: samples.map((sample) => sample.id),
    model: 'fake-model',
    provider: 'custom',
    usage: { promptTokens: 900, completionTokens: 300 },
  };
  await db.hypothesisSets.add(set);
  return { profile, samples, set };
}
