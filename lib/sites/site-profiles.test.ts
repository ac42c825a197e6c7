import { describe, expect, it } from 'vitest';
import { profileIdForSite } from './site-profiles';

const profiles = new Set(['work', 'blog']);

describe('the voice a site uses', () => {
  it('is the one chosen for the site', () => {
    expect(profileIdForSite('mail.google.com', { 'mail.google.com': 'work' }, 'blog', profiles)).toBe('work');
  });

  it('matches the host whatever its case', () => {
    expect(profileIdForSite('Mail.Google.com', { 'mail.google.com': 'work' }, 'blog', profiles)).toBe('work');
  });

  it('is the active profile on a site with no choice, or with no site at all', () => {
    expect(profileIdForSite('news.ycombinator.com', { 'mail.google.com': 'work' }, 'blog', profiles)).toBe('blog');
    expect(profileIdForSite(null, { 'mail.google.com': 'work' }, 'blog', profiles)).toBe('blog');
  });

  it('falls back to the active profile when the chosen one was deleted', () => {
    expect(profileIdForSite('mail.google.com', { 'mail.google.com': 'gone' }, 'blog', profiles)).toBe('blog');
  });
});
