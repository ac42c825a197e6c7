import { browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { admitSamples, type Admission } from '../samples/admit-samples';

export const ADD_SELECTION_MENU_ID = 'idiolect-add-selection';

/** Menus persist across worker restarts, so they are (re)created only at install or update. */
export function createAddSelectionMenu(): void {
  browser.contextMenus.create({
    id: ADD_SELECTION_MENU_ID,
    title: 'Add selected text to my Idiolect writing samples',
    contexts: ['selection'],
  });
}

/**
 * The user chose this text themselves, so it may come from any page; it still goes through the
 * same checks as every text, and a pause still wins, since pausing promises nothing is collected.
 */
export function addSelectedTextAsSample(db: IdiolectDatabase, selection: { text: string; pageUrl: string | undefined }): Promise<Admission> {
  return admitSamples(db, 'selection', [{ text: selection.text, kind: 'other' }], { pageUrl: selection.pageUrl });
}
