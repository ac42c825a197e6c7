import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId } from 'react';
import { readProfileView } from '@/lib/db/active-profile-view';
import { openIdiolectDatabase } from '@/lib/db/database';
import { listProfiles } from '@/lib/db/profiles';
import { readSetting } from '@/lib/db/settings';
import { profileIdForSite } from '@/lib/sites/site-profiles';
import { ProfileSummary } from './ProfileSummary';

export interface VoiceChoice {
  profileId: string | null;
  /** Whether that voice has been learned, so a rewrite can use it. */
  ready: boolean;
}

/** The voices, and which one this site uses unless the person picks another here. */
async function readVoices(host: string | null) {
  const db = openIdiolectDatabase();
  const [profiles, siteProfiles, activeProfileId] = await Promise.all([listProfiles(db), readSetting(db, 'siteProfiles'), readSetting(db, 'activeProfileId')]);
  const siteVoice = profileIdForSite(host, siteProfiles, activeProfileId, new Set(profiles.map((profile) => profile.id)));
  return { profiles, siteVoice };
}

/**
 * "Voice": the site's voice by default (Sites in the options), or another one picked for this
 * popup, with how far learning it has come. Loaded after the first render: it reads the database.
 */
export default function VoicePicker({ host, picked, onPick, onVoice }: {
  host: string | null;
  picked: string | null;
  onPick: (profileId: string) => void;
  onVoice: (voice: VoiceChoice) => void;
}) {
  const selectId = useId();
  const voices = useLiveQuery(() => readVoices(host), [host]);
  const chosen = picked && voices?.profiles.some((profile) => profile.id === picked) ? picked : (voices?.siteVoice ?? null);
  const view = useLiveQuery(async () => (chosen ? readProfileView(openIdiolectDatabase(), chosen) : null), [chosen]);
  const ready = Boolean(view?.hypothesisSet);
  useEffect(() => {
    if (voices && view !== undefined) onVoice({ profileId: chosen, ready });
  }, [voices, view, chosen, ready, onVoice]);
  if (!voices) return null;
  return (
    <>
      {voices.profiles.length > 0 && (
        <div className="voice-picker">
          <label htmlFor={selectId}>Voice</label>
          <select id={selectId} value={chosen ?? ''} onChange={(event) => onPick(event.target.value)}>
            {voices.profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
                {profile.id === voices.siteVoice && host ? ` (${host})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {view && <ProfileSummary view={view} />}
    </>
  );
}
