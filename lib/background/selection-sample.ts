import { browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/samples';
import { readSetting } from '../db/settings';

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
 * The user chose this text themselves, so it may come from any page; a pause still wins, since
 * pausing promises that nothing is collected at all.
 */
export async function addSelectedTextAsSample(
  db: IdiolectDatabase,
  selection: { text: string; pageUrl: string | undefined },
): Promise<'stored' | 'duplicate' | 'paused' | 'empty'> {
  if (await readSetting(db, 'collectionPaused')) return 'paused';
  const text = selection.text.trim();
  if (!text) return 'empty';
  const profile = await ensureActiveProfile(db);
  const result = await addSample(db, {
    profileId: profile.id,
    text,
    site: hostOf(selection.pageUrl),
    kind: 'other',
    source: 'selection',
  });
  return result.status;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}
