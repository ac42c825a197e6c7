import { describe, expect, it } from 'vitest';
import { declaredPatternContaining, patternContains } from '../../tests/support/match-pattern';
import { hostsOfRevokedOrigins, siteFromInput, sitePermissionPatterns } from './site-address';

const DECLARED_OPTIONAL = ['https://*/*', 'http://*/*'];

describe('siteFromInput', () => {
  it.each([
    ['mail.google.com', 'mail.google.com'],
    ['  Mail.Google.COM  ', 'mail.google.com'],
    ['https://mail.google.com/mail/u/0/', 'mail.google.com'],
    ['https://mail.google.com/mail/u/0/#inbox?compose=new', 'mail.google.com'],
    ['http://intranet.example', 'intranet.example'],
    ['http://intranet.example:8080/wiki', 'intranet.example'],
    ['forum.example.org:8443', 'forum.example.org'],
    ['localhost:3000', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://www.bücher.de/konto', 'www.xn--bcher-kva.de'],
    ['news.ycombinator.com.', 'news.ycombinator.com'],
  ])('reads %j as the site %j', (typed, site) => {
    expect(siteFromInput(typed)).toEqual({ ok: true, site });
  });

  it.each([
    ['', /Enter a site/],
    ['*.google.com', /without wildcards/],
    ['file:///home/me/notes.txt', /web sites only/],
    ['chrome://extensions', /web sites only/],
    ['mail google com', /not a site/],
    ['https://', /not a site/],
  ])('refuses %j with a message that says what to type', (typed, message) => {
    const reading = siteFromInput(typed);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(message);
  });
});

describe('the host permissions asked for a site', () => {
  it('lie each inside one pattern the manifest declares, the rule Chrome applies to permissions.request', () => {
    for (const typed of ['mail.google.com', 'https://mail.google.com/mail/u/0/', 'http://intranet.example:8080', 'bücher.de', '127.0.0.1']) {
      const reading = siteFromInput(typed);
      if (!reading.ok) throw new Error(reading.message);
      for (const pattern of sitePermissionPatterns(reading.site)) {
        expect(declaredPatternContaining(DECLARED_OPTIONAL, pattern), `${pattern} (from ${typed})`).toBeDefined();
      }
    }
  });

  it('would have caught the old *://host/* request, which no single declared pattern contains', () => {
    expect(declaredPatternContaining(DECLARED_OPTIONAL, '*://mail.google.com/*')).toBeUndefined();
    expect(patternContains('*://*/*', '*://mail.google.com/*')).toBe(true);
  });
});

describe('hostsOfRevokedOrigins', () => {
  it('names each host once, whichever of its schemes was revoked, and ignores wildcards', () => {
    expect(hostsOfRevokedOrigins(['https://mail.google.com/*', 'http://mail.google.com/*', 'https://*/*', '*://Forum.Example:8080/*'])).toEqual([
      'mail.google.com',
      'forum.example',
    ]);
  });
});
