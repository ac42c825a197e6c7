import type { IdiolectDatabase } from '../db/database';
import type { Sample } from '../db/records';
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

function recentUsable(db: IdiolectDatabase, profileId: string) {
  return db.samples
    .where('[profileId+storedAt]')
    .between([profileId, ''], [profileId, '\uffff'])
    .reverse()
    .filter((sample) => !sample.excluded);
}

/** The samples an inference may choose from: the recent window, plus the ones the profile rests on. */
export async function loadInferenceCandidates(
  db: IdiolectDatabase,
  profileId: string,
  previouslySeen: readonly string[] = [],
): Promise<CandidateSample[]> {
  const recent = await recentUsable(db, profileId).limit(CANDIDATE_WINDOW).toArray();
  const inWindow = new Set(recent.map((sample) => sample.id));
  const outside = previouslySeen.filter((id) => !inWindow.has(id)).slice(0, MAX_EARLIER_FETCHED);
  const earlier = (await db.samples.bulkGet(outside)).filter(
    (sample): sample is Sample => sample !== undefined && !sample.excluded && sample.profileId === profileId,
  );
  return [...recent, ...earlier].map(toCandidate);
}

/** Whether at least `atLeast` usable samples exist, stored after `since` and not among `seen`; reads at most that many. */
export async function hasNewSamples(
  db: IdiolectDatabase,
  profileId: string,
  since: string,
  seen: ReadonlySet<string>,
  atLeast: number,
): Promise<boolean> {
  const found = await db.samples
    .where('[profileId+storedAt]')
    .between([profileId, since], [profileId, '\uffff'], false, true)
    .filter((sample) => !sample.excluded && !seen.has(sample.id))
    .limit(atLeast)
    .count();
  return found >= atLeast;
}

export async function countUsableSamples(db: IdiolectDatabase, profileId: string, atMost: number): Promise<number> {
  return recentUsable(db, profileId).limit(atMost).count();
}
