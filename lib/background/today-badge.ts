import { browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { countSamplesStoredSince } from '../db/samples';

export function startOfLocalDay(now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

export function countSamplesStoredToday(db: IdiolectDatabase, now = new Date()): Promise<number> {
  return countSamplesStoredSince(db, startOfLocalDay(now));
}

/** The toolbar badge shows how many samples were collected today, and nothing on a quiet day. */
export async function refreshTodayBadge(db: IdiolectDatabase): Promise<void> {
  const count = await countSamplesStoredToday(db);
  // Firefox's Manifest V2 build has browserAction where Chrome has action.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setTitle({ title: count > 0 ? `Idiolect: ${count} writing sample${count === 1 ? '' : 's'} collected today` : 'Idiolect' });
}
