import type { IdiolectDatabase } from '../db/database';
import { storeInProfileOfSite } from '../db/sample-writes';
import { countUsableSamples, hasSampleWithHash } from '../db/samples';
import { readVoiceForSite } from '../db/site-voices';
import { readSetting } from '../db/settings';
import { isStorageFull, storageFullMessage } from '../db/storage-full';
import { hostOf } from '../harvest/host-of';
import { MIN_SAMPLES_FOR_INFERENCE } from '../inference/inference-jobs';
import { readAdmissionContext } from './admission-context';
import { judgeOffer, type Judgement } from './judge-offer';
import type { AdmissionSource, SampleOffer } from './sample-offer';
import { DUPLICATE_VERDICT, failedVerdict, ignoredVerdict, PAUSED_VERDICT, storedVerdict, type SampleVerdict } from './sample-verdict';
import { SOURCE_POLICIES } from './source-policy';

/** What an admission did: one verdict per offered text, in order, and the profile it went to. */
export interface Admission {
  verdicts: SampleVerdict[];
  /** The profile the kept texts went to; null when nothing got that far. */
  profileId: string | null;
  storedCount: number;
}

/** Named in the storage-full message: what the person would miss. */
const NOT_SAVED: Record<Exclude<AdmissionSource, 'profile-import'>, string> = {
  harvest: 'the text you just sent',
  selection: 'the text you selected',
  paste: 'the text you pasted',
  import: 'the texts you imported',
};

/** The site a sample is recorded under; null when a source that needs a page has none. */
function siteOf(source: AdmissionSource, pageUrl: string | undefined): string | null {
  if (source === 'paste' || source === 'import') return source;
  const host = hostOf(pageUrl);
  return source === 'selection' ? (host ?? '') : host;
}

/** The page's host for sources that come from a page (its voice may be the site's own); null for pastes and files. */
function pageHostOf(source: AdmissionSource, site: string | null): string | null {
  return source === 'harvest' || source === 'selection' ? site || null : null;
}

/** Refusals that concern the whole request (where it came from, pause), before any text is read. */
async function refusalOfRequest(db: IdiolectDatabase, source: AdmissionSource, site: string | null): Promise<SampleVerdict | null> {
  const policy = SOURCE_POLICIES[source];
  if (policy.needsAllowedSite) {
    if (!site) return ignoredVerdict('The page has no address.', 'the page has no address');
    if (!(await readSetting(db, 'allowedSites')).includes(site)) return ignoredVerdict(`Collection is not allowed on ${site}.`, 'site not allowed');
  }
  if (policy.honoursPause && (await readSetting(db, 'collectionPaused'))) return PAUSED_VERDICT;
  return null;
}

/**
 * The one way in for a text from a page, a selection, a paste or a file: the source's policy
 * (allowed site, pause), then the same checks for every text (see judgeOffer), then one write.
 * The caller ends with the "samples changed" step when anything was stored.
 */
export async function admitSamples(
  db: IdiolectDatabase,
  source: Exclude<AdmissionSource, 'profile-import'>,
  offers: readonly SampleOffer[],
  where: { pageUrl?: string } = {},
): Promise<Admission> {
  const site = siteOf(source, where.pageUrl);
  const refusal = await refusalOfRequest(db, source, site);
  if (refusal) return { verdicts: offers.map(() => refusal), profileId: null, storedCount: 0 };

  const context = await readAdmissionContext(db);
  const judgements: Judgement[] = [];
  for (const offer of offers) judgements.push(await judgeOffer(offer, site ?? '', source, SOURCE_POLICIES[source], context));
  const accepted = judgements.flatMap((judgement) => (judgement.accepted ? [judgement] : []));
  if (accepted.length === 0) return { verdicts: judgements.flatMap((judgement) => (judgement.accepted ? [] : [judgement.verdict])), profileId: null, storedCount: 0 };

  let written: Awaited<ReturnType<typeof storeInProfileOfSite>>;
  try {
    // The one place a text's profile is decided: the voice its site uses (Sites), else the active one.
    written = await storeInProfileOfSite(db, pageHostOf(source, site), accepted.map((judgement) => judgement.sample));
  } catch (error) {
    // One transaction: a refused write leaves the store as it was.
    if (!isStorageFull(error)) throw error;
    const failed = failedVerdict(storageFullMessage(NOT_SAVED[source]));
    return { verdicts: judgements.map((judgement) => (judgement.accepted ? failed : judgement.verdict)), profileId: null, storedCount: 0 };
  }
  const usable = await countUsableSamples(db, written.profileId, MIN_SAMPLES_FOR_INFERENCE);
  let next = 0;
  const verdicts = judgements.map((judgement) => {
    if (!judgement.accepted) return judgement.verdict;
    return written.stored[next++] ? storedVerdict(judgement.short, usable, MIN_SAMPLES_FOR_INFERENCE) : DUPLICATE_VERDICT;
  });
  return { verdicts, profileId: written.profileId, storedCount: written.added.length };
}

/**
 * What admitting one text would answer, storing nothing: the same policy, checks and duplicate
 * test. The in-page review card asks only about texts that this says would be kept.
 */
export async function previewAdmission(
  db: IdiolectDatabase,
  source: Exclude<AdmissionSource, 'profile-import'>,
  offer: SampleOffer,
  where: { pageUrl?: string } = {},
): Promise<SampleVerdict> {
  const site = siteOf(source, where.pageUrl);
  const refusal = await refusalOfRequest(db, source, site);
  if (refusal) return refusal;
  const judgement = await judgeOffer(offer, site ?? '', source, SOURCE_POLICIES[source], await readAdmissionContext(db));
  if (!judgement.accepted) return judgement.verdict;
  // The voice the text would go to: its site's own, else the active one.
  const profile = (await readVoiceForSite(db, pageHostOf(source, site)))?.profile;
  if (profile && (await hasSampleWithHash(db, profile.id, judgement.sample.contentHash))) return DUPLICATE_VERDICT;
  const usable = profile ? await countUsableSamples(db, profile.id, MIN_SAMPLES_FOR_INFERENCE) : 0;
  return storedVerdict(judgement.short, usable + 1, MIN_SAMPLES_FOR_INFERENCE);
}
