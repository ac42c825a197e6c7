import type { ActiveProfileView } from '../db/active-profile-view';
import { openIdiolectDatabase } from '../db/database';
import type { DraftSource } from '../page-bridge/focused-field';
import { readDraftFromTab } from '../page-bridge/tab-bridge';
import { readTabDraft, type TabDraft } from '../rewrite/tab-drafts';
import { lookUpTargetTab, type TargetTab } from './target-tab';
import { chosenVoice, readVoiceRecords, readVoiceView, voicesFor, type Voices } from './voices';

/** What the draft starts from: what the popup kept for the tab, or the text of the page's field; null: neither. */
export type DraftStart = { kept: TabDraft } | { page: { text: string; source: DraftSource } } | null;

/** Everything the popup's first screen shows that is read, not drawn: its content is not there until this is. */
export interface FirstScreen {
  target: TargetTab | null;
  /** Null when the database could not be read: the voice picker then reads for itself. */
  voices: Voices | null;
  /** The site's voice as the popup shows it (learned yet or not). */
  view: ActiveProfileView | null;
  draft: DraftStart;
}

async function draftStart(target: TargetTab | null): Promise<DraftStart> {
  if (!target) return null;
  const kept = await readTabDraft(target.tabId).catch(() => null);
  if (kept) return { kept };
  const page = await readDraftFromTab(target.tabId);
  return page.ok ? { page: { text: page.text, source: page.source } } : null;
}

async function voiceStart(target: Promise<TargetTab | null>): Promise<Pick<FirstScreen, 'voices' | 'view'>> {
  const db = openIdiolectDatabase();
  try {
    // The database opens while the tab is looked up; the site's voice needs both.
    const [records, tab] = await Promise.all([readVoiceRecords(db), target]);
    const voices = voicesFor(records, tab?.url.hostname ?? null);
    return { voices, view: await readVoiceView(db, chosenVoice(voices, null)) };
  } catch (error) {
    console.warn('Idiolect: the popup could not read its voices at start', error);
    return { voices: null, view: null };
  }
}

/**
 * Reads what the popup's first screen needs, each part as soon as what it depends on is known: the
 * tab, then what was kept for it (or its field's text), beside the voices and the site's voice.
 */
export async function readFirstScreen(search: string): Promise<FirstScreen> {
  const target = lookUpTargetTab(search).catch(() => null);
  const [voice, draft] = await Promise.all([voiceStart(target), target.then(draftStart)]);
  return { target: await target, ...voice, draft };
}
