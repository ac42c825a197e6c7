import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import { createProfile } from './profiles';
import { writeSetting } from './settings';
import { countStoredRecords, listVoices } from './voices-view';

describe('the list of voices', () => {
  it('shows each voice’s samples, versions, whether it is active, and the allowed sites that use it', async () => {
    const db = freshDatabase();
    const { profile } = await seedLearnedProfile(db);
    const blog = await createProfile(db, 'Blog');
    await writeSetting(db, 'allowedSites', ['blog.example.org', 'medium.com']);
    // A site no longer allowed keeps no voice in the list.
    await writeSetting(db, 'siteProfiles', { 'medium.com': blog.id, 'blog.example.org': blog.id, 'old.example.net': blog.id });

    expect(await listVoices(db)).toEqual([
      { profile, sampleCount: 4, hypothesisVersions: 1, active: true, sites: [] },
      { profile: blog, sampleCount: 0, hypothesisVersions: 0, active: false, sites: ['blog.example.org', 'medium.com'] },
    ]);
    expect(await countStoredRecords(db)).toEqual({ profiles: 2, samples: 4, hypothesisSets: 1, sites: 2 });
  });

  it('marks the oldest voice active while no active one is stored, as new texts would go there', async () => {
    const db = freshDatabase();
    await seedLearnedProfile(db);
    await createProfile(db, 'Blog');
    await writeSetting(db, 'activeProfileId', null);
    expect((await listVoices(db)).map((voice) => [voice.profile.name, voice.active])).toEqual([
      ['My voice', true],
      ['Blog', false],
    ]);
  });
});
