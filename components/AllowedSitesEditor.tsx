import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { readSetting } from '@/lib/db/settings';
import { allowedSiteSchema } from '@/lib/settings/schema';
import { allowCollectionOn, stopCollectionOn } from './site-access';

/** Turns what people paste ("https://mail.google.com/mail/u/0/") into the host we store. */
function hostFromInput(input: string): string {
  const trimmed = input.trim();
  try {
    return new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return trimmed;
  }
}

export function AllowedSitesEditor() {
  const sites = useLiveQuery(() => readSetting(openIdiolectDatabase(), 'allowedSites'));
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();

  async function allow() {
    const parsed = allowedSiteSchema.safeParse(hostFromInput(input));
    if (!parsed.success) {
      setMessage(parsed.error.issues[0]?.message ?? 'That is not a site name.');
      return;
    }
    const result = await allowCollectionOn(parsed.data);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    setInput('');
    setMessage(`Collecting what you send on ${parsed.data}.`);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>Sites where Idiolect learns from what you send</h2>
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
            <button type="button" aria-label={`Stop collecting on ${site}`} onClick={() => void stopCollectionOn(site).then((result) => setMessage(result.ok ? `Stopped collecting on ${site}.` : result.message))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {sites?.length === 0 && <p>No sites yet. Nothing is collected until you allow a site.</p>}
    </section>
  );
}
