import { describe, expect, it } from 'vitest';
import { chosenVoice, voicesFor } from './voices';

const profiles = [
  { id: 'work', name: 'Work', createdAt: '2024-01-01T00:00:00.000Z' },
  { id: 'home', name: 'Home', createdAt: '2024-01-02T00:00:00.000Z' },
];

describe('the voice the popup offers', () => {
  it('is the site’s own voice, else the active one, and the one picked while it exists', () => {
    const records = { profiles, siteProfiles: { 'mail.example.com': 'home' }, activeProfileId: 'work' };
    expect(voicesFor(records, 'mail.example.com').siteVoice).toBe('home');
    expect(voicesFor(records, 'news.example.com').siteVoice).toBe('work');
    expect(voicesFor(records, null).siteVoice).toBe('work');
    const voices = voicesFor(records, 'news.example.com');
    expect(chosenVoice(voices, 'home')).toBe('home');
    expect(chosenVoice(voices, 'deleted')).toBe('work');
  });
});
