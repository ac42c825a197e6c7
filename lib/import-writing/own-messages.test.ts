import { describe, expect, it } from 'vitest';
import { judgeOwnership, parseOwnAddresses } from './own-messages';

const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('parseOwnAddresses', () => {
  it('accepts addresses separated by commas, semicolons or spaces, lower-cased and once each', () => {
    expect(parseOwnAddresses(' Anna@Example.org, anna@work.example; anna@example.org ')).toEqual({
      ok: true,
      addresses: ['anna@example.org', 'anna@work.example'],
    });
  });

  it('names what is not an address', () => {
    expect(parseOwnAddresses('anna@example.org, anna at work')).toEqual({ ok: false, message: 'Not an email address: anna, at, work' });
  });
});

describe('judgeOwnership', () => {
  it('trusts the Gmail Sent label', () => {
    expect(judgeOwnership(headers({ from: 'a@x.example', 'x-gmail-labels': 'Archived,Sent,Opened' }), [])).toBe('own');
    expect(judgeOwnership(headers({ from: 'a@x.example', 'x-gmail-labels': 'Inbox,Category Personal' }), [])).toBe('not-own');
  });

  it('matches From against the given addresses, in any of its usual forms', () => {
    expect(judgeOwnership(headers({ from: '"Berg, Anna" <Anna@Example.org>' }), ['anna@example.org'])).toBe('own');
    expect(judgeOwnership(headers({ from: 'anna@example.org (Anna Berg)' }), ['anna@example.org'])).toBe('own');
    expect(judgeOwnership(headers({ from: 'Karl <karl@example.org>' }), ['anna@example.org'])).toBe('not-own');
  });

  it('cannot tell without a label or an address', () => {
    expect(judgeOwnership(headers({ from: 'anna@example.org' }), [])).toBe('unknown');
  });
});
