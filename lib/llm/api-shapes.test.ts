import { describe, expect, it } from 'vitest';
import { checkedCompletion, checkedModelsPage, checkedStreamChunk, NotAnApiAnswerError } from './api-shapes';

describe('answers checked for the OpenAI API’s shape before they are read', () => {
  it('lets real answers through as they are, extra fields and all', () => {
    const completion = { id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }], usage: {} };
    expect(checkedCompletion(completion)).toBe(completion);
    expect(checkedStreamChunk({ choices: [{ delta: { content: 'h' }, finish_reason: null }] })).toBeTruthy();
    expect(checkedStreamChunk({ choices: [], usage: { prompt_tokens: 3 } })).toBeTruthy();
    expect(checkedModelsPage({ object: 'list', data: [{ id: 'llama3.1' }] })).toBeTruthy();
  });

  it('refuses a web page, an error object and an empty body in words', () => {
    expect(() => checkedCompletion('<!doctype html><title>Welcome to nginx</title>')).toThrow(NotAnApiAnswerError);
    expect(() => checkedCompletion({ error: 'gateway' })).toThrow(/chat completion is not in the OpenAI API's shape \(choices/);
    expect(() => checkedModelsPage(undefined)).toThrow(/list of models/);
  });
});
