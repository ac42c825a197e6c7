import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { readSetting } from '@/lib/db/settings';
import { siteFromInput } from '@/lib/sites/site-address';
import { allowCollectionOn, stopCollectionOn } from './site-access';

export function AllowedSitesEditor() {
  const sites = useLiveQuery(() => readSetting(openIdiolectDatabase(), 'allowedSites'));
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
    <section aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>Sites where Idiolect learns from what you send</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void allow();
        }}
      >
        <label htmlFor={inputId}>Site to allow</label>
        <input id={inputId} type="text" placeholder="mail.google.com" value={input} onChange={(event) => setInput(event.target.value)} />
        <div className="actions">
          <button type="submit">Allow site</button>
        </div>
      </form>
      {message && <p role="status">{message}</p>}
      <ul aria-label="Allowed sites">
        {(sites ?? []).map((site) => (
          <li key={site}>
            {site}{' '}
            <button type="button" aria-label={`Remove ${site}`} onClick={() => void stopCollectionOn(site).then((result) => setMessage(result.ok ? `Stopped collecting on ${site}.` : result.message))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {sites?.length === 0 && <p>No sites yet. Nothing is collected until you allow a site.</p>}
    </section>
  );
}
