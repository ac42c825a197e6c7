import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { createOpenAICompatibleClient } from '../llm/openai-compatible';
import { inferHypotheses } from './infer';
import { hypothesisSchema } from './schema';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ dialect: 'llamacpp' });
});
afterAll(() => fake.close());

const samples = [{ id: 'a', text: 'Hi all, quick one: the demo moves to Tuesday. Cheers, Sam', kind: 'email' as const, site: 'test' }];
const hypothesis = (statement: string, confidence: number) => ({ category: 'style', statement, evidence: [{ sampleId: 's1', quote: 'quick one' }], confidence });

it('repairs what a grammar does not enforce (ranges, lengths) instead of rejecting the whole profile', async () => {
  fake.script({
    json: {
      hypotheses: [
        hypothesis('Opens with a short greeting to the group.', -3),
        hypothesis('Signs off with a first name.', 85),
        hypothesis('x'.repeat(900), 0.5),
        hypothesis('   ', 0.4),
        ...Array.from({ length: 45 }, (_, index) => hypothesis(`Distinct habit number ${index} about dashes ${'z'.repeat(index)}`, 0.5)),
      ],
      attributes: { role: null, domain: null, audiences: [], facts: [] },
    },
  });
  const llm = createOpenAICompatibleClient({ provider: 'llamacpp', baseURL: fake.baseURL, model: 'tiny', contextTokens: null }, null);
  const profile = await inferHypotheses(llm, samples);
  expect(fake.chatRequests).toHaveLength(1);
  for (const stored of profile.hypotheses) expect(hypothesisSchema.safeParse(stored).success).toBe(true);
  expect(profile.hypotheses[0]).toMatchObject({ statement: 'Opens with a short greeting to the group.', confidence: 0 });
  expect(profile.hypotheses[1]).toMatchObject({ confidence: 0.85 });
  expect(profile.hypotheses[2]!.statement).toHaveLength(500);
  expect(profile.hypotheses.some((stored) => stored.statement.trim() === '')).toBe(false);
});
