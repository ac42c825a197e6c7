import { useId, useState } from 'react';
import { confidenceInWords } from '@/lib/hyperalign/how-sure';
import type { Hypothesis, HypothesisSet } from '@/lib/hyperalign/schema';
import { versionChanges, type HypothesisPair, type VersionChanges } from '@/lib/hyperalign/version-changes';
import { WordChanges } from './design/WordChanges';
import { CATEGORY_LABEL } from './HypothesisList';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeVersion(set: HypothesisSet): string {
  return `Version ${set.version} · ${new Date(set.createdAt).toLocaleString()} · ${set.model} · saw ${plural(set.sampleIds.length, 'sample')}`;
}

/**
 * Every version of the profile, and what changed between two of them (by default the latest and
 * the one before it): hypotheses added, revised, retired and confirmed.
 */
export function ProfileHistory({ versions }: { versions: readonly HypothesisSet[] }) {
  const [picked, setPicked] = useState<{ earlier: number; later: number } | null>(null);
  const earlierId = useId();
  const laterId = useId();
  const newest = versions[0];
  if (!newest) return null;
  const byVersion = new Map(versions.map((set) => [set.version, set]));
  const later = byVersion.get(picked?.later ?? newest.version) ?? newest;
  const earlier = byVersion.get(picked?.earlier ?? versions[1]?.version ?? -1) ?? versions[1];
  return (
    <div className="stack">
      <ol className="versions" aria-label="Versions of this profile">
        {versions.map((set) => (
          <li key={set.id}>{describeVersion(set)}</li>
        ))}
      </ol>
      {earlier ? (
        <>
          <div className="compare-pickers">
            <div className="field">
              <label htmlFor={earlierId}>Compare version</label>
              <select
                id={earlierId}
                value={earlier.version}
                onChange={(event) => setPicked({ earlier: Number(event.target.value), later: later.version })}
              >
                {versions.map((set) => (
                  <option key={set.id} value={set.version}>
                    Version {set.version}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={laterId}>with version</label>
              <select
                id={laterId}
                value={later.version}
                onChange={(event) => setPicked({ earlier: earlier.version, later: Number(event.target.value) })}
              >
                {versions.map((set) => (
                  <option key={set.id} value={set.version}>
                    Version {set.version}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Changes earlier={earlier} later={later} />
        </>
      ) : (
        <p className="hint">Only one version so far. Once Idiolect learns again, this shows what changed.</p>
      )}
    </div>
  );
}

function Changes({ earlier, later }: { earlier: HypothesisSet; later: HypothesisSet }) {
  if (earlier.version === later.version) return <p className="hint">Pick two different versions to see what changed.</p>;
  // Always read from the older one to the newer one, whichever way round they were picked.
  const [from, to] = earlier.version < later.version ? [earlier, later] : [later, earlier];
  const changes = versionChanges(from.hypotheses, to.hypotheses);
  return (
    <section aria-label={`Changes from version ${from.version} to version ${to.version}`} className="stack version-changes">
      <p role="status">
        From version {from.version} to version {to.version}: {changes.added.length} added, {changes.revised.length} revised,{' '}
        {changes.retired.length} retired, {changes.confirmed.length} confirmed.
      </p>
      <ChangeGroup title="Added" tone="added" items={changes.added} render={(hypothesis) => <Statement hypothesis={hypothesis} />} />
      <ChangeGroup title="Revised" tone="revised" items={changes.revised} render={(pair) => <Revision pair={pair} />} />
      <ChangeGroup title="Retired" tone="retired" items={changes.retired} render={(hypothesis) => <Statement hypothesis={hypothesis} />} />
      <ChangeGroup
        title="Confirmed"
        tone="confirmed"
        items={changes.confirmed}
        render={(pair) => <Statement hypothesis={pair.after} before={pair.before.confidence} />}
      />
    </section>
  );
}

function ChangeGroup<T>({
  title,
  tone,
  items,
  render,
}: {
  title: string;
  tone: keyof VersionChanges;
  items: readonly T[];
  render: (item: T) => React.ReactNode;
}) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <div className="stack tight">
      <h4 id={headingId}>
        {title} <span className="badge">{items.length}</span>
      </h4>
      <ul aria-labelledby={headingId} className={`change-list ${tone}`}>
        {items.map((item, index) => (
          <li key={index}>{render(item)}</li>
        ))}
      </ul>
    </div>
  );
}

function Statement({ hypothesis, before }: { hypothesis: Hypothesis; before?: number }) {
  return (
    <>
      <p>{hypothesis.statement}</p>
      <p className="meta">
        {CATEGORY_LABEL[hypothesis.category]} ·{' '}
        {before !== undefined && before !== hypothesis.confidence ? `${confidenceInWords(before)} → ` : ''}
        {confidenceInWords(hypothesis.confidence)}
      </p>
    </>
  );
}

function Revision({ pair: { before, after } }: { pair: HypothesisPair }) {
  return (
    <>
      {before.statement === after.statement ? (
        <p>{after.statement}</p>
      ) : (
        <WordChanges draft={before.statement} rewrite={after.statement} label={`How “${after.statement}” was reworded`} />
      )}
      <p className="meta">
        {CATEGORY_LABEL[after.category]} · {confidenceInWords(before.confidence)} → {confidenceInWords(after.confidence)}
      </p>
    </>
  );
}
