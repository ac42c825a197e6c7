import { browser } from 'wxt/browser';

/** The context-menu item that opens the in-page card, as its keyboard shortcut does. */
export const REWRITE_IN_PLACE_MENU_ID = 'idiolect-rewrite-in-place';
/** The card's own script, kept out of the harvesting script until it is first used. */
export const REWRITE_CARD_FILE = '/rewrite-card.js';

/** Menus persist across worker restarts, so they are (re)created only at install or update. */
export function createRewriteInPlaceMenu(): void {
  browser.contextMenus.create({
    id: REWRITE_IN_PLACE_MENU_ID,
    title: 'Rewrite in my voice, here',
    contexts: ['editable'],
  });
}

/**
 * Opens the rewrite card over the field being written in, in one frame of one tab. The shortcut
 * and the menu grant activeTab, so this works on any page; on an allowed site the harvesting
 * script's control asks for it too. The card's script is injected on first use, then reused.
 */
export async function openRewriteCardIn(tabId: number, frameId = 0): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.executeScript({ target, files: [REWRITE_CARD_FILE] });
  await browser.scripting.executeScript({
    target,
    func: () => (globalThis as unknown as { idiolectRewriteCard: { open(): void } }).idiolectRewriteCard.open(),
  });
}
