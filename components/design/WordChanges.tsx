import { changeCounts, wordChanges } from '@/lib/rewrite/word-changes';

/** The rewrite with what it removed struck through and what it added marked, as text only. */
export function WordChanges({ draft, rewrite, label = 'Changes from your draft' }: { draft: string; rewrite: string; label?: string }) {
  const changes = wordChanges(draft, rewrite);
  const { added, removed } = changeCounts(changes);
  return (
    <figure className="word-changes" aria-label={label}>
      <figcaption className="hint">
        {added} words added, {removed} removed
      </figcaption>
      <p className="sample-text">
        {changes.map((change, index) =>
          change.kind === 'added' ? (
            <ins key={index} className="added">
              {change.text}
            </ins>
          ) : change.kind === 'removed' ? (
            <del key={index} className="removed">
              {change.text}
            </del>
          ) : (
            <span key={index}>{change.text}</span>
          ),
        )}
      </p>
    </figure>
  );
}
