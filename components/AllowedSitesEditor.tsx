import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { readSetting } from '@/lib/db/settings';
import { listProfiles } from '@/lib/db/profiles';
import type { Profile } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';
import { siteFromInput } from '@/lib/sites/site-address';
import { allowCollectionOn, stopCollectionOn } from './site-access';
import { useSetting } from './use-setting';
import './AllowedSitesEditor.css';

export function AllowedSitesEditor() {
  const sites = useLiveQuery(() => readSetting(openIdiolectDatabase(), 'allowedSites'));
  const profiles = useLiveQuery(() => listProfiles(openIdiolectDatabase()));
  const siteProfiles = useSetting('siteProfiles');
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();

  async function allow() {
    const reading = siteFromInput(input);
    if (!reading.ok) {
      setMessage(reading.message);
      return;
    }
    // The browser's own prompt may now ask the person; say where to look until it is answered.
    const asking = allowCollectionOn(reading.site);
    setMessage(`Asking the browser for access to ${reading.site}: answer its prompt to allow it.`);
    const result = await asking;
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setInput('');
    setMessage(`Collecting what you send on ${reading.site}.`);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="stack">
      <div className="stack tight">
        <h3 id={`${inputId}-heading`}>Sites where Idiolect learns from what you send</h3>
        <p className="hint">Each site can have a voice of its own: what you send there is kept in it, and rewrites for its pages are written in it.</p>
      </div>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          void allow();
        }}
      >
        <label htmlFor={inputId}>Site to allow</label>
        <div className="site-allow-row">
          <input id={inputId} type="text" placeholder="mail.google.com" value={input} onChange={(event) => setInput(event.target.value)} />
          <button type="submit">Allow site</button>
        </div>
      </form>
      <p role="status" className="live">
        {message ?? ''}
      </p>
      <ul aria-label="Allowed sites" className="site-list">
        {(sites ?? []).map((site) => (
          <SiteRow
            key={site}
            site={site}
            profiles={profiles ?? []}
            voiceId={siteProfiles?.[site] ?? null}
            onMessage={setMessage}
          />
        ))}
      </ul>
      {sites?.length === 0 && <p>No sites yet. Nothing is collected until you allow a site.</p>}
    </section>
  );
}

/** One allowed site: the voice it uses, and a way to stop collecting there. */
function SiteRow({
  site,
  profiles,
  voiceId,
  onMessage,
}: {
  site: string;
  profiles: readonly Profile[];
  voiceId: string | null;
  onMessage: (message: string) => void;
}) {
  const voiceSelectId = useId();
  // A choice naming a voice that is gone reads as the active profile, as it is used.
  const chosen = profiles.some((profile) => profile.id === voiceId) ? voiceId : null;
  return (
    <li className="site">
      <label htmlFor={voiceSelectId} className="site-voice-label">
        Voice on <span className="site-name">{site}</span>
      </label>
      <select
        id={voiceSelectId}
        value={chosen ?? ''}
        onChange={(event) => {
          const profileId = event.target.value || null;
          const name = profiles.find((profile) => profile.id === profileId)?.name;
          void sendMessage('setSiteVoice', { site, profileId })
            .then(() => onMessage(name ? `Texts you send on ${site} now go to “${name}”.` : `${site} now uses the active profile.`))
            .catch((error: unknown) => onMessage(error instanceof Error ? error.message : String(error)));
        }}
      >
        <option value="">Active profile</option>
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small danger"
        onClick={() => void stopCollectionOn(site).then((result) => onMessage(result.ok ? `Stopped collecting on ${site}.` : result.message))}
      >
        Remove {site}
      </button>
    </li>
  );
}
