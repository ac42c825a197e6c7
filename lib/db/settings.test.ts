import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { defaultSettings } from '../settings/schema';
import { readSetting, writeSetting } from './settings';

describe('settings', () => {
  it('falls back to the default when a stored value is corrupt, instead of breaking the extension', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'llm', value: { provider: 'openai', baseURL: 'not a url', model: '' } });
    expect(await readSetting(db, 'llm')).toEqual(defaultSettings.llm);
  });

  it('refuses to save an endpoint that is not an http(s) URL', async () => {
    const db = freshDatabase();
    await expect(writeSetting(db, 'llm', { provider: 'custom', baseURL: 'file:///etc/passwd', model: 'x' })).rejects.toThrow();
    await expect(writeSetting(db, 'allowedSites', ['https://mail.google.com/'])).rejects.toThrow(/host name/);
    expect(await readSetting(db, 'allowedSites')).toEqual([]);
  });
});
