import { describe, expect, it } from 'vitest';
import { confidenceInWords, heldOutInWords } from './how-sure';

describe('how sure Idiolect is of a hypothesis', () => {
  it('says the confidence in words and as a number', () => {
    expect(confidenceInWords(0.72)).toBe('fairly sure · 0.72');
    expect(confidenceInWords(0.9)).toBe('very sure · 0.90');
    expect(confidenceInWords(0.5)).toBe('unsure · 0.50');
    expect(confidenceInWords(0.3)).toBe('a guess · 0.30');
  });

  it('says how it fared on held-out texts, or that it was not checked', () => {
    expect(heldOutInWords(undefined)).toBe('Held-out texts: not checked yet');
    expect(heldOutInWords({ checked: 3, supported: 2, contradicted: 1 })).toBe('Held-out texts: 3 checked, 2 supported, 1 contradicted');
  });
});
