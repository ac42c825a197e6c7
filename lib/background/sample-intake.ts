import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/samples';
import { readSetting } from '../db/settings';
import type { SampleSubmission, SampleVerdict } from '../messaging';

/** Shorter texts say too little about a voice to be worth keeping. */
export const MIN_SAMPLE_WORDS = 5;

/**
 * Decides whether a text sent on a page becomes a sample. The content script is only present on
 * allowed sites, but the background checks again: a page must never be able to add samples on
 * its own.
 */
export async function acceptSubmittedSample(
  db: IdiolectDatabase,
  submission: SampleSubmission,
  senderUrl: string | undefined,
): Promise<SampleVerdict> {
  const site = hostOf(senderUrl);
  if (!site) return { status: 'ignored', reason: 'The page has no address.' };
  if (!(await readSetting(db, 'allowedSites')).includes(site)) {
    return { status: 'ignored', reason: `Collection is not allowed on ${site}.` };
  }
  if (await readSetting(db, 'collectionPaused')) return { status: 'ignored', reason: 'Collection is paused.' };
  const text = submission.text.trim();
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_SAMPLE_WORDS) {
    return { status: 'ignored', reason: `Too short to learn from: ${words} words, need ${MIN_SAMPLE_WORDS}.` };
  }
  const profile = await ensureActiveProfile(db);
  const result = await addSample(db, {
    profileId: profile.id,
    text,
    site,
    kind: submission.kind,
    source: 'harvest',
    recipientDomain: submission.recipientDomain,
  });
  return result.status === 'stored' ? { status: 'stored' } : { status: 'duplicate' };
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
