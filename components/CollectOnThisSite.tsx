import { useState } from 'react';
import { browser } from 'wxt/browser';
import { matchPatternsForSites } from '@/lib/background/harvest-registration';
import { sendMessage } from '@/lib/messaging';
import { useSetting } from './use-setting';

/** Allows (or stops) collection on the site of the current tab, asking the browser's permission first. */
export function CollectOnThisSite({ site }: { site: string | null }) {
  const allowed = useSetting('allowedSites');
  const [refused, setRefused] = useState(false);
  if (!site || !allowed) return null;

  if (allowed.includes(site)) {
    return (
      <p>
        Collecting what you send on {site}.{' '}
        <button type="button" onClick={() => void sendMessage('disallowSite', site)}>
          Stop collecting on this site
        </button>
      </p>
    );
  }
  return (
    <p>
      <button
        type="button"
        onClick={async () => {
          const granted = await browser.permissions.request({ origins: matchPatternsForSites([site]) });
          setRefused(!granted);
          if (granted) await sendMessage('allowSite', site);
        }}
      >
        Collect on this site
      </button>
      {refused && <span role="alert"> The browser did not give Idiolect access to {site}.</span>}
    </p>
  );
}
