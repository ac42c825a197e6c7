import { browser } from 'wxt/browser';
import type { BridgeResult, DraftSource } from './focused-field';

export const PAGE_BRIDGE_FILE = '/page-bridge.js' as const;

export interface PageBridge {
  read(): PageDraft;
  insert(text: string, source: DraftSource): Promise<BridgeResult<object>>;
}

type PageDraft = BridgeResult<{ text: string; source: DraftSource }>;

const UNREACHABLE = { ok: false, error: 'Idiolect cannot reach this page (browser pages and the web store are off limits).' } as const;
const NO_ANSWER = { ok: false, error: 'The page did not answer.' } as const;

/**
 * Injects the bridge into the tab's isolated world, on demand (the popup's activeTab grant covers
 * any site), so reading or writing a field never needs the harvesting script, and never happens
 * without the user pressing a button. The injection answers with the field's draft.
 */
async function injectBridge(tabId: number): Promise<PageDraft> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_BRIDGE_FILE] });
  return (injection?.result as PageDraft | undefined) ?? NO_ANSWER;
}

export async function readDraftFromTab(tabId: number): Promise<PageDraft> {
  try {
    return await injectBridge(tabId);
  } catch {
    return UNREACHABLE;
  }
}

export async function insertIntoTab(tabId: number, text: string, source: DraftSource): Promise<BridgeResult<object>> {
  try {
    await injectBridge(tabId);
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: (argument: string, from: DraftSource) => (globalThis as unknown as { idiolectPageBridge: PageBridge }).idiolectPageBridge.insert(argument, from),
      args: [text, source],
    });
    return (injection?.result as BridgeResult<object> | undefined) ?? NO_ANSWER;
  } catch {
    return UNREACHABLE;
  }
}
