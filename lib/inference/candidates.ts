import type { IdiolectDatabase } from '../db/database';
import type { Sample } from '../db/records';
import { recentUsableSamples, usableSamplesByIds } from '../db/samples';
import type { CandidateSample } from '../hyperalign/select-samples';

/**
 * How many of the most recent samples selection looks at. Reading is bounded by this, not by
 * how many samples are stored, so an inference costs the same with 10 or 10,000 of them.
 */
export const CANDIDATE_WINDOW = 200;
/** Earlier samples (those the current profile rests on) fetched by id when outside the window. */
const MAX_EARLIER_FETCHED = 24;

function toCandidate(sample: Sample): CandidateSample {
  return {
    id: sample.id,
    text: sample.text,
    kind: sample.kind,
    site: sample.site,
    recipient: sample.recipientDomain,
    storedAt: sample.storedAt,
  };
}

/** The samples an inference may choose from: the recent window, plus the ones the profile rests on. */
export async function loadInferenceCandidates(
  db: IdiolectDatabase,
  profileId: string,
  previouslySeen: readonly string[] = [],
): Promise<CandidateSample[]> {
  const recent = await recentUsableSamples(db, profileId, CANDIDATE_WINDOW);
  const inWindow = new Set(recent.map((sample) => sample.id));
  const outside = previouslySeen.filter((id) => !inWindow.has(id)).slice(0, MAX_EARLIER_FETCHED);
  const earlier = await usableSamplesByIds(db, profileId, outside);
  return [...recent, ...earlier].map(toCandidate);
}

