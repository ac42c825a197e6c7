import { useState } from 'react';
import { MIN_SAMPLES_FOR_INFERENCE } from '@/lib/inference/learning-threshold';
import { sendMessage } from '@/lib/messaging';
import { describeSampleCounts } from '@/lib/samples/describe-sample-counts';
import { HypothesisList } from './HypothesisList';
import type { ActiveProfileView } from './use-active-profile';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Learning starts by itself; this is for after a failure, or to take in the newest texts at once. */
function LearnNowButton({ failed, newSamples }: { failed: boolean; newSamples: number | null }) {
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; message: string } | null>(null);
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void sendMessage('inferNow').then(
            ({ queued }) => setNotice(queued ? null : { kind: 'status', message: 'Nothing new to learn from since last time.' }),
            (error: unknown) => setNotice({ kind: 'alert', message: error instanceof Error ? error.message : String(error) }),
          )
        }
      >
        {failed ? 'Try learning again' : 'Learn from my latest texts now'}
      </button>
      {newSamples !== null && !failed && <span> {plural(newSamples, 'new sample')} since the profile was learned.</span>}
      {notice && <span role={notice.kind}> {notice.message}</span>}
    </p>
  );
}

export function ProfileSummary({ view }: { view: ActiveProfileView }) {
  const { profile, sampleCount, keptOutCount, newSinceLearned, hypothesisSet, lastJob } = view;
  const learning = lastJob?.state === 'queued' || lastJob?.state === 'running';
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{profile?.name ?? 'Your voice'}</h2>
      <p>
        <span>{describeSampleCounts(sampleCount, keptOutCount)}</span>
        {hypothesisSet && ` · profile version ${hypothesisSet.version}`}
      </p>
      {learning && <p role="status">Learning your voice…</p>}
      {lastJob?.state === 'failed' && (
        <p role="alert">Could not learn from your latest texts: {lastJob.error}</p>
      )}
      {lastJob?.state === 'done' && lastJob.error && <p role="status">{lastJob.error}</p>}
      {!learning && sampleCount - keptOutCount >= MIN_SAMPLES_FOR_INFERENCE && newSinceLearned > 0 && (
        <LearnNowButton failed={lastJob?.state === 'failed'} newSamples={hypothesisSet ? newSinceLearned : null} />
      )}
      {hypothesisSet ? (
        <HypothesisList hypotheses={hypothesisSet.hypotheses} />
      ) : (
        !learning && (
          <p>
            Idiolect learns your voice once it has {MIN_SAMPLES_FOR_INFERENCE} texts you wrote. Allow a site in the options,
            then write and send as usual.
          </p>
        )
      )}
    </section>
  );
}
