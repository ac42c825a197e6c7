import { MIN_SAMPLES_FOR_INFERENCE } from '@/lib/inference/inference-jobs';
import { HypothesisList } from './HypothesisList';
import type { ActiveProfileView } from './use-active-profile';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function ProfileSummary({ view }: { view: ActiveProfileView }) {
  const { profile, sampleCount, hypothesisSet, lastJob } = view;
  const learning = lastJob?.state === 'queued' || lastJob?.state === 'running';
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{profile?.name ?? 'Your voice'}</h2>
      <p>
        <span data-testid="sample-count">{plural(sampleCount, 'sample')}</span>
        {hypothesisSet && ` · profile version ${hypothesisSet.version}`}
      </p>
      {learning && <p role="status">Learning your voice…</p>}
      {lastJob?.state === 'failed' && (
        <p role="alert">Could not learn from your latest texts: {lastJob.error}</p>
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
