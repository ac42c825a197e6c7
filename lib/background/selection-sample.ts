import { browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/samples';
import { readSetting } from '../db/settings';
import { describeSample } from '../text';
import { hostOf } from '../harvest/host-of';

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
 * The user chose this text themselves, so it may come from any page; it still has to be long
 * enough to learn from, and a pause still wins, since pausing promises nothing is collected.
 */
export async function addSelectedTextAsSample(
  db: IdiolectDatabase,
  selection: { text: string; pageUrl: string | undefined },
): Promise<'stored' | 'duplicate' | 'paused' | 'unusable'> {
  if (await readSetting(db, 'collectionPaused')) return 'paused';
  const candidate = await describeSample(selection.text.trim(), { redact: await readSetting(db, 'redactBeforeStoring') });
  if (!candidate.quality.usable) return 'unusable';
  const profile = await ensureActiveProfile(db);
  const result = await addSample(db, {
    profileId: profile.id,
    text: candidate.text,
    site: hostOf(selection.pageUrl) ?? '',
    kind: 'other',
    source: 'selection',
    language: candidate.language === 'und' ? null : candidate.language,
  });
  return result.status;
}
