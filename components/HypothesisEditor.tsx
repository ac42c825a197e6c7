import { useId, useState } from 'react';
import type { HypothesisChange } from '@/lib/db/hypothesis-edits';
import type { Hypothesis, HypothesisSet, Support } from '@/lib/hyperalign/schema';
import { sendMessage } from '@/lib/messaging';
import { CATEGORY_LABEL } from './HypothesisList';

const STATUS_LABEL: Record<Hypothesis['status'], string> = {
  inferred: 'inferred',
  edited: 'edited by you',
  pinned: 'pinned',
  rejected: 'rejected',
};

function describeSupport({ checked, supported, contradicted }: Support): string {
  return `Checked against ${checked} other ${checked === 1 ? 'text' : 'texts'}: supported by ${supported}, contradicted by ${contradicted}.`;
}

/** Every hypothesis of the profile, readable and editable: the profile is the user's, not the model's. */
export function HypothesisEditor({ set }: { set: HypothesisSet }) {
  const [error, setError] = useState<string | null>(null);
  const change = (hypothesisId: string, update: HypothesisChange) =>
    sendMessage('changeHypothesis', { setId: set.id, hypothesisId, change: update }).then(
      () => setError(null),
      (cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)),
    );
  const { attributes } = set;
  return (
    <section aria-label="Hypotheses about how you write">
      <p>
        Version {set.version}, learned by {set.model} on {new Date(set.createdAt).toLocaleString()} from {set.sampleIds.length}{' '}
        samples ({set.usage.promptTokens + set.usage.completionTokens} tokens).
      </p>
      <ul className="hypothesis-editor">
        {set.hypotheses.map((hypothesis) => (
          <HypothesisRow key={hypothesis.id} hypothesis={hypothesis} onChange={(update) => change(hypothesis.id, update)} />
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      <h4>About you</h4>
      <dl>
        <dt>Role</dt>
        <dd>{attributes.role ?? 'not known'}</dd>
        <dt>Domain</dt>
        <dd>{attributes.domain ?? 'not known'}</dd>
        <dt>Audiences</dt>
        <dd>{attributes.audiences.join(', ') || 'not known'}</dd>
        {attributes.facts.length > 0 && (
          <>
            <dt>Facts</dt>
            {attributes.facts.map((fact) => (
              <dd key={fact}>{fact}</dd>
            ))}
          </>
        )}
      </dl>
    </section>
  );
}

function HypothesisRow({ hypothesis, onChange }: { hypothesis: Hypothesis; onChange: (change: HypothesisChange) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(hypothesis.statement);
  const editId = useId();
  const name = `“${hypothesis.statement}”`;
  const rejected = hypothesis.status === 'rejected';
  return (
    <li className={rejected ? 'rejected' : undefined}>
      <span className="category">{CATEGORY_LABEL[hypothesis.category]}</span> · <span>{STATUS_LABEL[hypothesis.status]}</span> ·{' '}
      <span>confidence {Math.round(hypothesis.confidence * 100)}%</span>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void onChange({ kind: 'edit', statement: draft }).then(() => setEditing(false));
          }}
        >
          <label htmlFor={editId}>Edit hypothesis</label>
          <textarea id={editId} value={draft} rows={2} onChange={(event) => setDraft(event.target.value)} />
          <div className="actions">
            <button type="submit" disabled={draft.trim() === ''}>
              Save hypothesis
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel editing
            </button>
          </div>
        </form>
      ) : (
        <p>{hypothesis.statement}</p>
      )}
      {hypothesis.support && <p className="support">{describeSupport(hypothesis.support)}</p>}
      {hypothesis.evidence.length > 0 && (
        <ul aria-label={`Evidence for ${name}`} className="evidence">
          {hypothesis.evidence.map((item) => (
            <li key={`${item.sampleId}:${item.quote}`}>
              <q>{item.quote}</q>
            </li>
          ))}
        </ul>
      )}
      {!editing && (
        <div className="actions">
          <button
            type="button"
            aria-label={`Edit ${name}`}
            onClick={() => {
              // A refinement may have revised the statement since this row first rendered.
              setDraft(hypothesis.statement);
              setEditing(true);
            }}
          >
            Edit
          </button>
          {hypothesis.status === 'pinned' ? (
            <button type="button" aria-label={`Unpin ${name}`} onClick={() => void onChange({ kind: 'unpin' })}>
              Unpin
            </button>
          ) : (
            <button type="button" aria-label={`Pin ${name}`} disabled={rejected} onClick={() => void onChange({ kind: 'pin' })}>
              Pin
            </button>
          )}
          {rejected ? (
            <button type="button" aria-label={`Restore ${name}`} onClick={() => void onChange({ kind: 'restore' })}>
              Restore
            </button>
          ) : (
            <button type="button" aria-label={`Reject ${name}`} onClick={() => void onChange({ kind: 'reject' })}>
              Reject
            </button>
          )}
        </div>
      )}
    </li>
  );
}
