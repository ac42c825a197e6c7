import { browser } from 'wxt/browser';
import type { BridgeResult, DraftSource } from './focused-field';

export const PAGE_BRIDGE_FILE = '/page-bridge.js' as const;

interface PageBridge {
  read(): BridgeResult<{ text: string; source: DraftSource }>;
  insert(text: string, source: DraftSource): Promise<BridgeResult<object>>;
}

/**
 * Runs one bridge call in the tab's isolated world. The bridge file is injected on demand (the
 * popup's activeTab grant covers any site), so reading or writing a field never needs the
 * harvesting script, and never happens without the user pressing a button.
 */
async function callBridge<T>(tabId: number, call: 'read' | 'insert', text = '', source: DraftSource = { from: 'field' }): Promise<BridgeResult<T>> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_BRIDGE_FILE] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: (name: 'read' | 'insert', argument: string, from: DraftSource) =>
        (globalThis as unknown as { idiolectPageBridge: PageBridge }).idiolectPageBridge[name](argument, from),
      args: [call, text, source],
    });
    return (injection?.result as BridgeResult<T> | undefined) ?? { ok: false, error: 'The page did not answer.' };
  } catch {
    return { ok: false, error: 'Idiolect cannot reach this page (browser pages and the web store are off limits).' };
  }
}

export const readDraftFromTab = (tabId: number) => callBridge<{ text: string; source: DraftSource }>(tabId, 'read');
export const insertIntoTab = (tabId: number, text: string, source: DraftSource) => callBridge<object>(tabId, 'insert', text, source);
