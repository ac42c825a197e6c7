import { useEffect, useId, useRef, useState } from 'react';
import type { HypothesisChange } from '@/lib/db/hypothesis-edits';
import { confidenceInWords, heldOutInWords } from '@/lib/hyperalign/how-sure';
import type { Hypothesis, HypothesisCategory, HypothesisSet } from '@/lib/hyperalign/schema';
import { sendMessage } from '@/lib/messaging';
import { useToast } from './design/Toasts';
import { CATEGORY_LABEL, CATEGORY_ORDER } from './HypothesisList';

const STATUS_BADGE: Partial<Record<Hypothesis['status'], { label: string; tone: string }>> = {
  edited: { label: 'edited by you', tone: 'accent' },
  pinned: { label: 'pinned', tone: 'success' },
};

/** Where the Samples section opens one sample. */
export function sampleLink(sampleId: string): string {
  return `options.html#samples?sample=${encodeURIComponent(sampleId)}`;
}

/**
 * Every hypothesis of the profile by category, with its evidence, how sure Idiolect is and how it
 * fared on held-out texts; each can be edited, pinned or rejected (the profile is the person's,
 * not the model's). Rejected ones are listed apart, so they can be restored.
 */
export function HypothesisEditor({ set }: { set: HypothesisSet }) {
  const [error, setError] = useState<string | null>(null);
  const rejectedSummary = useRef<HTMLElement>(null);
  const toast = useToast();
  const send = (hypothesisId: string, update: HypothesisChange) => sendMessage('changeHypothesis', { setId: set.id, hypothesisId, change: update });
  const change = (hypothesisId: string, update: HypothesisChange) =>
    send(hypothesisId, update).then(
      () => {
        setError(null);
        if (update.kind === 'reject') {
          const statement = set.hypotheses.find((hypothesis) => hypothesis.id === hypothesisId)?.statement ?? '';
          toast({ message: `Rejected: “${statement}” Idiolect will not suggest it again.`, undo: () => send(hypothesisId, { kind: 'restore' }) });
          focusRejected.current = true;
        }
        return true;
      },
      (cause: unknown) => {
        setError(cause instanceof Error ? cause.message : String(cause));
        return false;
      },
    );
  const active = set.hypotheses.filter((hypothesis) => hypothesis.status !== 'rejected');
  const rejected = set.hypotheses.filter((hypothesis) => hypothesis.status === 'rejected');
  const focusRejected = useRef(false);
  useEffect(() => {
    // A rejected card is gone; focus goes to where it went, so it can be restored from there.
    if (focusRejected.current && rejectedSummary.current) {
      rejectedSummary.current.focus();
      focusRejected.current = false;
    }
  }, [rejected.length]);
  const groups = CATEGORY_ORDER.map((category) => ({ category, hypotheses: active.filter((item) => item.category === category) })).filter(
    (group) => group.hypotheses.length > 0,
  );
  return (
    <div className="stack">
      {error && <p role="alert">{error}</p>}
      {groups.map(({ category, hypotheses }) => (
        <CategoryGroup key={category} category={category} hypotheses={hypotheses} onChange={change} />
      ))}
      {active.length === 0 && <p>Every hypothesis of this version was rejected; learning again adds new ones.</p>}
      {rejected.length > 0 && (
        <details className="rejected-hypotheses">
          <summary ref={rejectedSummary}>Rejected by you ({rejected.length})</summary>
          <ul className="hypothesis-cards" aria-label="Rejected hypotheses">
            {rejected.map((hypothesis) => (
              <li key={hypothesis.id} className="hypothesis-card rejected">
                <p>{hypothesis.statement}</p>
                <div className="actions">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Restore “${hypothesis.statement}”`}
                    onClick={() => void change(hypothesis.id, { kind: 'restore' })}
                  >
                    Restore
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

type OnChange = (hypothesisId: string, change: HypothesisChange) => Promise<boolean>;

function CategoryGroup({ category, hypotheses, onChange }: { category: HypothesisCategory; hypotheses: Hypothesis[]; onChange: OnChange }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack tight">
      <h4 id={headingId}>
        {CATEGORY_LABEL[category]} <span className="badge">{hypotheses.length}</span>
      </h4>
      <ul className="hypothesis-cards" aria-labelledby={headingId}>
        {hypotheses.map((hypothesis) => (
          <HypothesisCard key={hypothesis.id} hypothesis={hypothesis} onChange={(update) => onChange(hypothesis.id, update)} />
        ))}
      </ul>
    </section>
  );
}

function HypothesisCard({ hypothesis, onChange }: { hypothesis: Hypothesis; onChange: (change: HypothesisChange) => Promise<boolean> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(hypothesis.statement);
  const editButton = useRef<HTMLButtonElement>(null);
  const editId = useId();
  const name = `“${hypothesis.statement}”`;
  const badge = STATUS_BADGE[hypothesis.status];
  const pinned = hypothesis.status === 'pinned';
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back to the button that opened the form, once it is rendered again.
    if (!editing && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);
  const stopEditing = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return (
    <li className="hypothesis-card">
      {editing ? (
        <form
          className="stack tight"
          onSubmit={(event) => {
            event.preventDefault();
            void onChange({ kind: 'edit', statement: draft }).then((saved) => saved && stopEditing());
          }}
        >
          <label htmlFor={editId}>New wording for {name}</label>
          <textarea id={editId} value={draft} rows={2} maxLength={500} autoFocus onChange={(event) => setDraft(event.target.value)} />
          <div className="actions">
            <button type="submit" className="primary small" aria-label={`Use this wording for ${name}`} disabled={draft.trim() === ''}>
              Use this wording
            </button>
            <button type="button" className="small" aria-label={`Cancel rewording ${name}`} onClick={stopEditing}>
              Cancel rewording
            </button>
          </div>
        </form>
      ) : (
        <p className="hypothesis-statement">{hypothesis.statement}</p>
      )}
      <p className="meta hypothesis-facts">
        <span>{confidenceInWords(hypothesis.confidence)}</span>
        <span>{heldOutInWords(hypothesis.support)}</span>
        {badge && <span className={`badge ${badge.tone}`}>{badge.label}</span>}
      </p>
      {hypothesis.evidence.length > 0 ? (
        <ul aria-label={`Evidence for ${name}`} className="evidence">
          {hypothesis.evidence.map((item) => (
            <li key={`${item.sampleId}:${item.quote}`}>
              <a href={sampleLink(item.sampleId)} title="Open this sample">
                <q>{item.quote}</q>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">No quote from your texts supports it.</p>
      )}
      {!editing && (
        <div className="actions">
          <button
            ref={editButton}
            type="button"
            className="small"
            aria-label={`Edit ${name}`}
            onClick={() => {
              // A refinement may have revised the statement since this card first rendered.
              setDraft(hypothesis.statement);
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="small"
            aria-label={`Pin ${name}`}
            aria-pressed={pinned}
            onClick={() => void onChange({ kind: pinned ? 'unpin' : 'pin' })}
          >
            Pin
          </button>
          <button type="button" className="small danger" aria-label={`Reject ${name}`} onClick={() => void onChange({ kind: 'reject' })}>
            Reject
          </button>
        </div>
      )}
    </li>
  );
}
