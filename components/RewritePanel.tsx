import { useId, useState } from 'react';
import type { DraftKind, LengthChoice } from '@/lib/hyperalign/rewrite-choices';
import { insertIntoTab, readDraftFromTab } from '@/lib/page-bridge/tab-bridge';
import { describeFidelity } from '@/lib/rewrite/fidelity';
import { StyleMatch } from './StyleMatch';
import { useRewriteStream } from './use-rewrite-stream';

type Notice = { kind: 'status' | 'alert'; message: string } | null;

const KIND_OPTIONS: ReadonlyArray<[DraftKind, string]> = [
  ['email', 'Email or reply'],
  ['post', 'Post'],
  ['comment', 'Comment'],
  ['other', 'Other'],
];
const LENGTH_OPTIONS: ReadonlyArray<[LengthChoice, string]> = [
  ['shorter', 'Shorter'],
  ['same', 'As is'],
  ['longer', 'Longer'],
];

/** `tabId`: the web page whose focused field the draft can come from and the rewrite go back to. */
export function RewritePanel({
  ready,
  tabId,
  profileId,
}: {
  ready: boolean;
  tabId: number | null;
  /** The voice the draft is scored against ("sounds like you"). */
  profileId: string | null;
}) {
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [kind, setKind] = useState<DraftKind>('email');
  const [length, setLength] = useState<LengthChoice>('same');
  const kindId = useId();
  const lengthId = useId();
  const { state, start, retry, stop, setText } = useRewriteStream();
  const draftId = useId();
  const resultId = useId();
  const streaming = state.phase === 'streaming';

  async function copy() {
    try {
      await navigator.clipboard.writeText(state.text);
      setNotice({ kind: 'status', message: 'Copied' });
    } catch {
      setNotice({ kind: 'alert', message: 'The browser did not allow copying; select the text and copy it by hand.' });
    }
  }

  async function takeDraftFromPage(tab: number) {
    const result = await readDraftFromTab(tab);
    if (result.ok) setDraft(result.text);
    setNotice(result.ok ? null : { kind: 'alert', message: result.error });
  }

  async function insertIntoPage(tab: number) {
    const result = await insertIntoTab(tab, state.text);
    setNotice(result.ok ? { kind: 'status', message: 'Put into the page' } : { kind: 'alert', message: result.error });
  }

  return (
    <section aria-label="Rewrite a draft">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          start(draft, { kind, length });
        }}
      >
        <label htmlFor={draftId}>Draft</label>
        <textarea id={draftId} value={draft} onChange={(event) => setDraft(event.target.value)} rows={6} />
        <StyleMatch label="Draft" text={draft} profileId={profileId} />
        <div className="choices">
          <label htmlFor={kindId}>Kind of text</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as DraftKind)}>
            {KIND_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor={lengthId}>Length</label>
          <select id={lengthId} value={length} onChange={(event) => setLength(event.target.value as LengthChoice)}>
            {LENGTH_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" disabled={streaming || draft.trim() === '' || !ready}>
            Rewrite
          </button>
          {streaming && (
            <button type="button" onClick={stop}>
              Stop
            </button>
          )}
          {tabId !== null && (
            <button type="button" onClick={() => void takeDraftFromPage(tabId)} disabled={streaming}>
              Use text from page
            </button>
          )}
        </div>
      </form>
      {!ready && <p>Rewriting unlocks once Idiolect has learned your voice.</p>}
      {state.phase === 'error' && (
        <div className="rewrite-failure">
          <p role="alert">{state.message}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      <FactCheck state={state} />
      <label htmlFor={resultId}>Rewritten draft</label>
      <textarea
        id={resultId}
        value={state.text}
        readOnly={streaming}
        aria-busy={streaming}
        onChange={(event) => setText(event.target.value)}
        rows={8}
      />
      {!streaming && <StyleMatch label="Rewritten draft" text={state.text} profileId={profileId} />}
      <div className="actions">
        <button type="button" onClick={copy} disabled={streaming || state.text === ''}>
          Copy
        </button>
        {tabId !== null && (
          <button type="button" onClick={() => void insertIntoPage(tabId)} disabled={streaming || state.text === ''}>
            Insert into page
          </button>
        )}
        {notice && <span role={notice.kind}>{notice.message}</span>}
      </div>
    </section>
  );
}

/** What the rewrite lost or added of the draft's facts, checked without a model. Plain text only. */
function FactCheck({ state }: { state: ReturnType<typeof useRewriteStream>['state'] }) {
  if (state.phase !== 'done' || !state.fidelity) return null;
  const message = describeFidelity(state.fidelity);
  if (!message) return <p className="fact-check">All names, numbers, dates and links of the draft are in the rewrite.</p>;
  return (
    <p role="alert" aria-label="Fact check" className="fact-check">
      {message}
    </p>
  );
}
