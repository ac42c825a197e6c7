import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The host of the tab the popup was opened over, when it is an ordinary web page. */
export function useCurrentSite(): string | null {
  const [site, setSite] = useState<string | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      const url = tab?.url ? new URL(tab.url) : null;
      setSite(url && /^https?:$/.test(url.protocol) ? url.hostname : null);
    });
  }, []);
  return site;
}
