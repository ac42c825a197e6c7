import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId } from 'react';
import type { ActiveProfileView } from '@/lib/db/active-profile-view';
import { openIdiolectDatabase } from '@/lib/db/database';
import { chosenVoice, readVoices, readVoiceView, type Voices } from '@/lib/popup/voices';
import { ProfileSummary } from './ProfileSummary';

export interface VoiceChoice {
  profileId: string | null;
  /** Whether that voice has been learned, so a rewrite can use it. */
  ready: boolean;
}

/**
 * "Voice": the site's voice by default (Sites in the options), or another one picked for this
 * popup, with how far learning it has come. Shown at once from `initial` (read before the first
 * screen, for this `host`), then kept up to date as learning goes on.
 */
export function VoicePicker({ host, initial, picked, onPick, onVoice }: {
  host: string | null;
  initial: { voices: Voices | null; view: ActiveProfileView | null };
  picked: string | null;
  onPick: (profileId: string) => void;
  onVoice: (voice: VoiceChoice) => void;
}) {
  const selectId = useId();
  const voices = useLiveQuery(() => readVoices(openIdiolectDatabase(), host), [host], initial.voices ?? undefined);
  const chosen = voices ? chosenVoice(voices, picked) : null;
  const view = useLiveQuery(() => readVoiceView(openIdiolectDatabase(), chosen), [chosen], initial.voices ? initial.view : undefined);
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
