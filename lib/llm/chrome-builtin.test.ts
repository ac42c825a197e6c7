import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeLanguageModel } from '../../tests/support/fake-language-model';
import { builtInAvailability, createChromeBuiltInClient, findBuiltInLanguageModel } from './chrome-builtin';
import { createLlmClient } from './create-client';
import { LlmError } from './errors';

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

const schema = z.object({ greeting: z.string().min(1) });
const messages = [
  { role: 'system' as const, content: 'You greet people.' },
  { role: 'user' as const, content: 'Greet Ana.' },
];

describe('the browser’s built-in model (Prompt API)', () => {
  it('is found on the global scope only when it has the Prompt API’s shape', async () => {
    const { api } = fakeLanguageModel('available');
    expect(findBuiltInLanguageModel({ LanguageModel: api })).toBe(api);
    expect(findBuiltInLanguageModel({})).toBeNull();
    expect(findBuiltInLanguageModel({ LanguageModel: { availability: 1 } })).toBeNull();
    expect(await builtInAvailability(null)).toBe('unavailable');
    expect(await builtInAvailability(api)).toBe('available');
  });

  it('is chosen by the provider setting and needs no key or address', async () => {
    const { api } = fakeLanguageModel('available');
    const llm = createLlmClient({ provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano' }, null, { builtIn: api });
    expect(llm.provider).toBe('chrome-builtin');
    expect(await llm.contextWindow()).toBeGreaterThan(1000);
  });

  it('answers structured requests under a JSON schema constraint, with the system prompt in the session', async () => {
    const fake = fakeLanguageModel('available', ['{"greeting":"Hi Ana"}']);
    const result = await createChromeBuiltInClient(fake.api).completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 });
    expect(result).toMatchObject({ value: { greeting: 'Hi Ana' }, repaired: false });
    const [call] = fake.calls;
    expect(call!.input).toBe('Greet Ana.');
    expect(call!.initialPrompts[0]).toMatchObject({ role: 'system' });
    expect(call!.initialPrompts[0]!.content).toContain('You greet people.');
    expect(call!.options?.responseConstraint).toMatchObject({ type: 'object', required: ['greeting'] });
    expect(call!.options?.responseConstraint).not.toHaveProperty('$schema');
    expect(result.usage.promptTokens).toBeGreaterThan(50);
    expect(fake.destroyed).toEqual([1]);
  });

  it('repairs an invalid answer once in the same session, then fails clearly', async () => {
    const repaired = fakeLanguageModel('available', ['{"greeting":""}', '{"greeting":"Hello"}']);
    const result = await createChromeBuiltInClient(repaired.api).completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 });
    expect(result).toMatchObject({ value: { greeting: 'Hello' }, repaired: true });
    expect(repaired.calls[1]!.input).toMatch(/could not be used.*\n?.*greeting/s);
    expect(repaired.sessionCount()).toBe(1);

    const hopeless = fakeLanguageModel('available', ['nope', 'still nope']);
    const error = await createChromeBuiltInClient(hopeless.api)
      .completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe('invalid-output');
    expect(hopeless.destroyed).toEqual([1]);
  });

  it('streams, and stops when cancelled', async () => {
    const fake = fakeLanguageModel('available', ['Hi Ana, see you at 3pm.', 'one two three four five']);
    let text = '';
    for await (const piece of createChromeBuiltInClient(fake.api).streamText({ messages, maxTokens: 200 })) text += piece;
    expect(text).toBe('Hi Ana, see you at 3pm.');

    const cancel = new AbortController();
    const received: string[] = [];
    const error = await (async () => {
      for await (const piece of createChromeBuiltInClient(fake.api).streamText({ messages, maxTokens: 200, signal: cancel.signal })) {
        received.push(piece);
        cancel.abort();
      }
    })().catch((caught: unknown) => caught);
    expect((error as LlmError).code).toBe('cancelled');
    expect(received).toEqual(['one ']);
  });

  it('explains an unavailable or downloading model, and a text too long for it', async () => {
    const none = await failureOf(createChromeBuiltInClient(null).completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 }));
    expect(none.message).toMatch(/no on-device model.*Choose another provider/);

    const downloading = await createChromeBuiltInClient(fakeLanguageModel('downloading').api).testConnection();
    expect(downloading).toMatchObject({ ok: false, message: expect.stringMatching(/downloading/) });

    const tooLong = fakeLanguageModel('available', [new DOMException('Input too large', 'QuotaExceededError')]);
    const error = await failureOf(createChromeBuiltInClient(tooLong.api).completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 }));
    expect(error.code).toBe('context-too-long');
  });

  it('tests the connection with one tiny prompt', async () => {
    const fake = fakeLanguageModel('available', ['ready']);
    const report = await createChromeBuiltInClient(fake.api).testConnection();
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/on-device model answered in [\d.]+ s \(“ready”\)/);
  });
});
