import { describe, expect, it } from 'vitest';
import { isFromExtensionPage, MAX_SUBMITTED_CHARS, parseSampleSubmission } from './message-guards';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';

describe('messages the background accepts', () => {
  it('takes settings changes only from the extension’s own pages', () => {
    expect(isFromExtensionPage('chrome-extension://abcdefghijklmnop/options.html', EXTENSION)).toBe(true);
    expect(isFromExtensionPage('https://mail.google.com/mail/u/0/', EXTENSION)).toBe(false);
    expect(isFromExtensionPage('chrome-extension://someotherextension/popup.html', EXTENSION)).toBe(false);
    expect(isFromExtensionPage(undefined, EXTENSION)).toBe(false);
  });

  it('refuses a malformed or oversized sample from a content script', () => {
    expect(parseSampleSubmission({ text: 'Hello there', kind: 'email', recipientDomain: null })).toEqual({
      text: 'Hello there',
      kind: 'email',
      recipientDomain: null,
    });
    expect(parseSampleSubmission({ text: 'x'.repeat(MAX_SUBMITTED_CHARS + 1), kind: 'email', recipientDomain: null })).toBeNull();
    expect(parseSampleSubmission({ text: 'Hello', kind: 'password', recipientDomain: null })).toBeNull();
    expect(parseSampleSubmission('Hello')).toBeNull();
  });
});
