import { browser } from 'wxt/browser';

export interface TargetTab {
  tabId: number;
  url: URL;
}

/**
 * The web page the popup works on: the active tab of the current window, or, when the popup is
 * open in a tab of its own (keyboard users, tests), the tab named by `?tab=`. Null when that is no
 * web page (a browser page, the popup's own tab).
 */
export async function lookUpTargetTab(search: string): Promise<TargetTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  const tab = Number.isInteger(named) && named > 0 ? await browser.tabs.get(named) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  const url = tab?.url ? new URL(tab.url) : null;
  return tab?.id !== undefined && url && /^https?:$/.test(url.protocol) ? { tabId: tab.id, url } : null;
}
