import { lazy, Suspense, useState } from 'react';
import { MIN_SAMPLES_FOR_INFERENCE } from '@/lib/inference/learning-threshold';
import { sendMessage } from '@/lib/messaging';
import { describeSampleCounts } from '@/lib/samples/describe-sample-counts';
import { optionsPath, sectionTitle } from '@/lib/options/sections';
import type { ActiveProfileView } from './use-active-profile';

const HowYouWrite = lazy(() => import('./HowYouWrite'));

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
        className="small"
        onClick={() =>
          void sendMessage('inferNow').then(
            ({ queued }) => setNotice(queued ? null : { kind: 'status', message: 'Nothing new to learn from since last time.' }),
            (error: unknown) => setNotice({ kind: 'alert', message: error instanceof Error ? error.message : String(error) }),
          )
        }
      >
        {failed ? 'Try learning again' : 'Learn from my latest texts now'}
      </button>
      {newSamples !== null && !failed && <span className="hint"> {plural(newSamples, 'new sample')} since the profile was learned.</span>}
      {notice && <span role={notice.kind}> {notice.message}</span>}
    </p>
  );
}

/** One voice in a line: its samples and version, learning under way or failed, and what it learned (on demand). */
export function ProfileSummary({ view }: { view: ActiveProfileView }) {
  const { sampleCount, keptOutCount, newSinceLearned, hypothesisSet, lastJob } = view;
  const learning = lastJob?.state === 'queued' || lastJob?.state === 'running';
  return (
    <div className="profile-summary">
      <p className="meta spread">
        <span>
          <span>{describeSampleCounts(sampleCount, keptOutCount)}</span>
          {hypothesisSet && ` · profile version ${hypothesisSet.version}`}
        </span>
        {hypothesisSet && (
          <Suspense fallback={null}>
            <HowYouWrite hypotheses={hypothesisSet.hypotheses} />
          </Suspense>
        )}
      </p>
      {learning && <p role="status">Learning your voice…</p>}
      {lastJob?.state === 'failed' && (
        <p role="alert">
          Could not learn from your latest texts: {lastJob.error}
          {lastJob.fixIn && (
            <>
              {' '}
              <a href={optionsPath(lastJob.fixIn)} target="_blank" rel="noreferrer">
                Fix it in {sectionTitle(lastJob.fixIn)}
              </a>
            </>
          )}
        </p>
      )}
      {lastJob?.state === 'done' && lastJob.error && <p role="status">{lastJob.error}</p>}
      {!learning && sampleCount - keptOutCount >= MIN_SAMPLES_FOR_INFERENCE && newSinceLearned > 0 && (
        <LearnNowButton failed={lastJob?.state === 'failed'} newSamples={hypothesisSet ? newSinceLearned : null} />
      )}
      {!hypothesisSet && !learning && (
        <p className="hint">
          Idiolect learns your voice once it has {MIN_SAMPLES_FOR_INFERENCE} texts you wrote. Allow a site in the options, then write and send as usual.
        </p>
      )}
    </div>
  );
}
