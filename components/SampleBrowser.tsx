import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { Sample } from '@/lib/db/records';
import { samplesOfProfile } from '@/lib/db/samples';
import { sendMessage } from '@/lib/messaging';
import { OptimisticCheckbox } from './OptimisticCheckbox';
import { usePerformanceMark } from './use-performance-mark';

const PAGE_SIZE = 50;
/** Leave-one-out scoring grows with the profile; the most recent samples are what the user reviews. */
const MAX_SAMPLES_CHECKED_FOR_STYLE = 300;
const PREVIEW_CHARS = 120;

/** Scored by the background, which holds the style verifier, so the page stays light. */
function useOutlierScores(samples: readonly Sample[] | undefined): ReadonlyMap<string, number> {
  const [scores, setScores] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    const usable = (samples ?? []).filter((sample) => !sample.excluded).slice(0, MAX_SAMPLES_CHECKED_FOR_STYLE);
    let current = true;
    sendMessage('findUnlikeSamples', usable.map(({ id, text }) => ({ id, text }))).then(
      (unlike) => current && setScores(new Map(unlike.map(({ id, score }) => [id, score]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [samples]);
  return scores;
}

/** The samples of one profile: read them, keep a sample out of learning, delete it; odd ones are flagged. */
export function SampleBrowser({ profileId }: { profileId: string }) {
  const db = openIdiolectDatabase();
  const samples = useLiveQuery(() => samplesOfProfile(db, profileId), [profileId]);
  const outliers = useOutlierScores(samples);
  const [onlyOutliers, setOnlyOutliers] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  usePerformanceMark('idiolect:samples-shown', samples !== undefined);
  if (!samples) return null;
  const listed = onlyOutliers ? samples.filter((sample) => outliers.has(sample.id)) : samples;

  return (
    <section aria-label="Writing samples">
      <p>
        {samples.length} samples, {samples.filter((sample) => sample.excluded).length} kept out of learning.
        {outliers.size > 0 && ` ${outliers.size} look unlike the rest: check that you wrote them.`}
      </p>
      {outliers.size > 0 && (
        <label className="switch">
          <input type="checkbox" checked={onlyOutliers} onChange={(event) => setOnlyOutliers(event.target.checked)} /> Show only samples
          that look unlike the rest
        </label>
      )}
      <ul className="samples">
        {listed.slice(0, shown).map((sample) => (
          <SampleRow key={sample.id} sample={sample} outlierScore={outliers.get(sample.id)} />
        ))}
      </ul>
      {listed.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show more samples
        </button>
      )}
    </section>
  );
}

function SampleRow({ sample, outlierScore }: { sample: Sample; outlierScore: number | undefined }) {
  const preview = sample.text.length > PREVIEW_CHARS ? `${sample.text.slice(0, PREVIEW_CHARS)}…` : sample.text;
  const meta = [sample.site || sample.source, sample.kind, new Date(sample.writtenAt).toLocaleDateString(), `${sample.wordCount} words`, sample.language]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className={sample.excluded ? 'excluded' : undefined}>
      <details>
        <summary>{preview}</summary>
        <p className="sample-text">{sample.text}</p>
      </details>
      <p className="meta">
        {meta}
        {outlierScore !== undefined && <strong> · looks unlike your other samples (style match {outlierScore}/100)</strong>}
      </p>
      <div className="actions">
        <label className="switch">
          <OptimisticCheckbox
            aria-label={`Use for learning: ${preview}`}
            stored={!sample.excluded}
            save={(use) => sendMessage('setSampleExcluded', { sampleId: sample.id, excluded: !use })}
          />{' '}
          Use for learning
        </label>
        <button type="button" aria-label={`Delete sample: ${preview}`} onClick={() => void sendMessage('deleteSample', sample.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}
