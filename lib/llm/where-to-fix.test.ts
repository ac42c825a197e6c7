import { describe, expect, it } from 'vitest';
import { LlmError } from './errors';
import { sectionToFix } from './where-to-fix';

describe('where a failure is fixed', () => {
  it('sends a missing key, a dead endpoint, an unknown model or a web page at the Base URL to the Model section', () => {
    for (const code of ['auth', 'unreachable', 'unknown-model', 'not-an-api', 'ollama-origin'] as const) {
      expect(sectionToFix(new LlmError('x', code))).toBe('model');
    }
  });

  it('sends a full disk to Your data', () => {
    expect(sectionToFix(new DOMException('full', 'QuotaExceededError'))).toBe('your-data');
  });

  it('names no section where waiting or trying again is the fix', () => {
    for (const code of ['rate-limit', 'timeout', 'connection-lost', 'server', 'invalid-output'] as const) {
      expect(sectionToFix(new LlmError('x', code))).toBeNull();
    }
    expect(sectionToFix(new Error('odd'))).toBeNull();
  });
});
