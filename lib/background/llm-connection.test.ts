import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { freshDatabase } from '../../tests/support/fresh-database';
import { SecretStore } from '../db/secrets';
import { readSetting } from '../db/settings';
import type { BuiltInAvailability, BuiltInLanguageModel } from '../llm/chrome-builtin';
import { connectConfiguredLlm, saveLlmSettings, testLlmConnection, viewLlmSettings } from './llm-connection';

function builtIn(availability: BuiltInAvailability): BuiltInLanguageModel {
  return { availability: async () => availability, create: async () => Promise.reject(new Error('not used')) };
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: 'sk-right' });
});
afterAll(() => fake.close());

describe('which model Idiolect talks to', () => {
  it('uses the browser’s on-device model by default when there is one, and OpenAI’s preset otherwise', async () => {
    const db = freshDatabase();
    const secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
    expect((await connectConfiguredLlm(db, secrets, { builtIn: builtIn('available') })).provider).toBe('chrome-builtin');
    expect((await connectConfiguredLlm(db, secrets, { builtIn: builtIn('unavailable') })).provider).toBe('openai');
    expect((await connectConfiguredLlm(db, secrets, { builtIn: null })).provider).toBe('openai');
    expect(await viewLlmSettings(db, secrets, { builtIn: builtIn('downloadable') })).toMatchObject({
      settings: { provider: 'chrome-builtin' },
      builtIn: 'downloadable',
    });
  });

  it('keeps the person’s saved choice over the on-device model', async () => {
    const db = freshDatabase();
    const secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
    await saveLlmSettings(db, secrets, { settings: { provider: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.1' } });
    const llm = await connectConfiguredLlm(db, secrets, { builtIn: builtIn('available') });
    expect(llm).toMatchObject({ provider: 'ollama', model: 'llama3.1' });
  });

  it('tests settings as typed, with a key typed but not yet saved, and answers in words', async () => {
    const db = freshDatabase();
    const secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
    const settings = { provider: 'custom' as const, baseURL: fake.baseURL, model: 'fake-model' };
    await secrets.writeApiKeyFor(fake.baseURL, 'sk-old');
    fake.script({ content: 'ready' });
    expect(await testLlmConnection(db, secrets, { settings, apiKey: 'sk-right' })).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected\./) });
    expect(await testLlmConnection(db, secrets, { settings })).toMatchObject({ ok: false, message: expect.stringMatching(/refused the API key \(401\)/) });
    expect(await testLlmConnection(db, secrets, { settings: { ...settings, baseURL: 'not a url' } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Enter the endpoint’s address/),
    });
  });

  it('remembers the endpoint that last answered, and only one that answered', async () => {
    const db = freshDatabase();
    const secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
    const settings = { provider: 'custom' as const, baseURL: fake.baseURL, model: 'fake-model' };
    await testLlmConnection(db, secrets, { settings, apiKey: 'sk-wrong' });
    expect(await readSetting(db, 'verifiedEndpoint')).toBeNull();
    fake.script({ content: 'ready' });
    await testLlmConnection(db, secrets, { settings, apiKey: 'sk-right' });
    expect(await readSetting(db, 'verifiedEndpoint')).toEqual(settings);
  });

  it('never sends a key to an endpoint other than the one it was saved for', async () => {
    const db = freshDatabase();
    const secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
    const openai = { provider: 'openai' as const, baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
    await saveLlmSettings(db, secrets, { settings: openai, apiKey: 'sk-openai-secret' });
    const elsewhere = { provider: 'custom' as const, baseURL: fake.baseURL, model: 'fake-model' };
    fake.script({ content: 'ready' });
    await testLlmConnection(db, secrets, { settings: elsewhere });
    const sent = fake.requests.map((request) => request.headers.authorization ?? '');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.some((header) => header.includes('sk-openai-secret'))).toBe(false);

    expect((await saveLlmSettings(db, secrets, { settings: elsewhere })).hasApiKey).toBe(false);
    expect((await saveLlmSettings(db, secrets, { settings: openai })).hasApiKey).toBe(true);
  });
});
