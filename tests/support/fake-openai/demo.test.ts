import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoResponder, draftOf } from './demo';
import { startFakeOpenAI } from './server';
import { clientFor, userSays } from './test-client';
import type { FakeOpenAI } from './types';

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.setDefault(demoResponder);
  client = clientFor(fake);
});
afterAll(() => fake.close());

describe('draftOf', () => {
  it('takes the last <draft> of a message, trimmed, or the whole message', () => {
    expect(draftOf('Example: <draft>old</draft>\nNow: <draft>\n  new text \n</draft>')).toBe('new text');
    expect(draftOf('no tags here')).toBe('no tags here');
  });
});

describe('demoResponder', () => {
  it('echoes the draft of the last user message', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [...userSays('<draft>earlier</draft>'), { role: 'assistant', content: 'ok' }, ...userSays('Rewrite:\n<draft>Hello team</draft>')],
    });
    expect(completion.choices[0]?.message.content).toBe('Hello team');
  });

  it('streams the echo when asked', async () => {
    const stream = await client.chat.completions.create({ model: 'fake-model', messages: userSays('just this'), stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('just this');
  });

  it('answers structured requests with a conforming value carrying the draft', async () => {
    const Rewrite = z.object({ rewritten: z.string(), tone: z.enum(['warm', 'dry']), notes: z.array(z.string()) });
    const completion = await client.chat.completions.parse({
      model: 'fake-model',
      messages: userSays('<draft>Hi all</draft>'),
      response_format: zodResponseFormat(Rewrite, 'rewrite'),
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ rewritten: 'Hi all', tone: 'warm', notes: ['example notes'] });
  });

  it('answers json_object requests with the draft as JSON', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: userSays('Reply in json. <draft>Hey</draft>'),
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ text: 'Hey' });
  });
});
