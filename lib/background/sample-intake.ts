import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/samples';
import { readSetting } from '../db/settings';
import { isStorageFull, storageFullMessage } from '../db/storage-full';
import { describeSample, extractOwnText } from '../text';
import type { SampleSubmission, SampleVerdict } from '../messaging';
import { hostOf } from '../harvest/host-of';
import { isIdiolectRewrite } from './own-rewrites';

/**
 * Decides whether a text sent on a page becomes a sample, and cleans it first: quoted replies,
 * forwarded blocks and signatures are someone else's words or boilerplate. The content script is
 * only present on allowed sites, but the background checks again: a page must never be able to
 * add samples on its own.
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

  const own = extractOwnText({ kind: 'plain', content: submission.text }).text.trim();
  const candidate = await describeSample(own, { redact: await readSetting(db, 'redactBeforeStoring') });
  if (!candidate.quality.usable) return { status: 'ignored', reason: sentenceCase(candidate.quality.reasons.join('; ')) };
  if (await isIdiolectRewrite(db, candidate.contentHash)) {
    return { status: 'ignored', reason: 'This is a rewrite Idiolect wrote; it is not used to learn your voice.' };
  }

  try {
    const profile = await ensureActiveProfile(db);
    const result = await addSample(db, {
      profileId: profile.id,
      text: candidate.text,
      site,
      kind: submission.kind,
      source: 'harvest',
      recipientDomain: submission.recipientDomain,
      language: candidate.language === 'und' ? null : candidate.language,
    });
    return result.status === 'stored' ? { status: 'stored' } : { status: 'duplicate' };
  } catch (error) {
    // The sample is written in one transaction, so a refused write leaves the store as it was.
    if (isStorageFull(error)) return { status: 'failed', reason: storageFullMessage('the text you just sent') };
    throw error;
  }
}

function sentenceCase(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
