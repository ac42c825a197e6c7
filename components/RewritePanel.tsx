import { useId, useState } from 'react';
import { useRewriteStream } from './use-rewrite-stream';

export function RewritePanel({ ready }: { ready: boolean }) {
  const [draft, setDraft] = useState('');
  const [copied, setCopied] = useState(false);
  const { state, start, stop, setText } = useRewriteStream();
  const draftId = useId();
  const resultId = useId();
  const streaming = state.phase === 'streaming';

  async function copy() {
    await navigator.clipboard.writeText(state.text);
    setCopied(true);
  }

  return (
    <section aria-label="Rewrite a draft">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setCopied(false);
          start(draft);
        }}
      >
        <label htmlFor={draftId}>Draft</label>
        <textarea id={draftId} value={draft} onChange={(event) => setDraft(event.target.value)} rows={6} />
        <div className="actions">
          <button type="submit" disabled={streaming || draft.trim() === '' || !ready}>
            Rewrite
          </button>
          {streaming && (
            <button type="button" onClick={stop}>
              Stop
            </button>
          )}
        </div>
      </form>
      {!ready && <p>Rewriting unlocks once Idiolect has learned your voice.</p>}
      {state.phase === 'error' && <p role="alert">{state.message}</p>}
      <label htmlFor={resultId}>Rewritten draft</label>
      <textarea
        id={resultId}
        value={state.text}
        readOnly={streaming}
        aria-busy={streaming}
        onChange={(event) => setText(event.target.value)}
        rows={8}
      />
      <div className="actions">
        <button type="button" onClick={copy} disabled={streaming || state.text === ''}>
          Copy
        </button>
        {copied && <span role="status">Copied</span>}
      </div>
    </section>
  );
}
