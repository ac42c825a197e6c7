import { describe, expect, it } from 'vitest';
import { patternContains } from './match-pattern';

describe("Chrome's match-pattern containment", () => {
  it.each([
    ['https://*/*', 'https://mail.google.com/*', true],
    ['https://*/*', 'http://mail.google.com/*', false],
    ['https://*/*', '*://mail.google.com/*', false],
    ['*://*/*', 'https://mail.google.com/*', true],
    ['*://*/*', '*://mail.google.com/*', true],
    ['*://localhost/*', 'http://localhost/*', true],
    ['*://localhost/*', 'http://127.0.0.1/*', false],
    ['https://*.google.com/*', 'https://mail.google.com/*', true],
    ['https://*.google.com/*', 'https://google.com/*', true],
    ['https://*.google.com/*', 'https://evilgoogle.com/*', false],
    ['https://mail.google.com/mail/*', 'https://mail.google.com/*', false],
    ['<all_urls>', 'http://example.test/*', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(patternContains(outer, inner)).toBe(expected);
  });

  it('refuses a string that is not a match pattern', () => {
    expect(() => patternContains('https://*/*', 'mail.google.com')).toThrow(/Not a valid match pattern/);
  });
});
