import { describe, expect, it } from 'vitest';
import { getStartedSteps, type GetStartedInput } from './get-started';

const ollama = { provider: 'ollama' as const, baseURL: 'http://localhost:11434/v1', model: 'llama3.1', contextTokens: null };
const fresh: GetStartedInput = { savedLlm: null, verifiedEndpoint: null, learnedWith: null, allowedSites: [], usableSamples: 0, samplesNeeded: 4 };

describe('the guided start', () => {
  it('has nothing done on a first run, not even the default model', () => {
    expect(getStartedSteps(fresh)).toEqual({ model: false, modelInUse: null, sites: 0, site: false, samples: { have: 0, need: 4, done: false }, done: false });
  });

  it('counts the model only once the saved endpoint is the one that answered', () => {
    expect(getStartedSteps({ ...fresh, verifiedEndpoint: ollama }).model).toBe(false);
    expect(getStartedSteps({ ...fresh, savedLlm: ollama }).model).toBe(false);
    expect(getStartedSteps({ ...fresh, savedLlm: ollama, verifiedEndpoint: { ...ollama, model: 'qwen2.5' } }).model).toBe(false);
    expect(getStartedSteps({ ...fresh, savedLlm: ollama, verifiedEndpoint: ollama })).toMatchObject({ model: true, modelInUse: { provider: 'ollama', model: 'llama3.1' } });
  });

  it('counts the model as working once it learned the profile, but not a model used before the saved one', () => {
    expect(getStartedSteps({ ...fresh, savedLlm: ollama, learnedWith: { provider: 'ollama', model: 'llama3.1' } }).model).toBe(true);
    expect(getStartedSteps({ ...fresh, savedLlm: ollama, learnedWith: { provider: 'openai', model: 'gpt-4o-mini' } }).model).toBe(false);
  });

  it('counts samples n of 4, and is done when all three steps are', () => {
    const almost = { ...fresh, savedLlm: ollama, verifiedEndpoint: ollama, allowedSites: ['mail.google.com'], usableSamples: 3 };
    expect(getStartedSteps(almost)).toMatchObject({ site: true, samples: { have: 3, need: 4, done: false }, done: false });
    expect(getStartedSteps({ ...almost, usableSamples: 9 })).toMatchObject({ samples: { have: 4, done: true }, done: true });
  });
});
