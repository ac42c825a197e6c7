import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The web page the popup works on: the active tab of the current window, or, when the popup is
 * open in a tab of its own (keyboard users, tests), the tab named by `?tab=`.
 */
export function useTargetTab(): { tabId: number; url: URL } | null {
  const [target, setTarget] = useState<{ tabId: number; url: URL } | null>(null);
  useEffect(() => {
    const named = Number(new URLSearchParams(location.search).get('tab'));
    const lookup = Number.isInteger(named) && named > 0 ? browser.tabs.get(named) : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
    void lookup.then((tab) => {
      const url = tab?.url ? new URL(tab.url) : null;
      if (tab?.id !== undefined && url && /^https?:$/.test(url.protocol)) setTarget({ tabId: tab.id, url });
    });
  }, []);
  return target;
}
