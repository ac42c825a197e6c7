import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DraftKind, LengthChoice } from '@/lib/hyperalign/rewrite-choices';
import type { DraftSource } from '@/lib/page-bridge/focused-field';
import { insertIntoTab, readDraftFromTab } from '@/lib/page-bridge/tab-bridge';
import type { DraftStart } from '@/lib/popup/first-screen';
import { useRewriteStream } from './use-rewrite-stream';
import { useKeptTabDraft } from './use-tab-draft';

// What needs the database or the protocol's schemas comes after the first render.
const StyleMatch = lazy(() => import('./StyleMatch').then((module) => ({ default: module.StyleMatch })));
const RewriteDetails = lazy(() => import('./RewriteDetails'));
const WordChanges = lazy(() => import('./design/WordChanges').then((module) => ({ default: module.WordChanges })));

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

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * `tabId`: the web page whose focused field (or its selection) the draft comes from and the
 * rewrite goes back to; the draft and the tries are kept for that tab while it is open.
 */
export function RewritePanel({
  ready,
  tabId,
  profileId,
  startsFrom,
}: {
  /** Whether the voice is learned; undefined while that is being read. */
  ready: boolean | undefined;
  tabId: number | null;
  /** The voice to write in and score against ("sounds like you"); null: the active one. */
  profileId: string | null;
  /** What the draft starts from (lib/popup/first-screen.ts); undefined while that is being read. */
  startsFrom?: DraftStart;
}) {
  const [draft, setDraft] = useState('');
  const [source, setSource] = useState<DraftSource>({ from: 'field' });
  const [notice, setNotice] = useState<Notice>(null);
  const [kind, setKind] = useState<DraftKind>('email');
  const [length, setLength] = useState<LengthChoice>('same');
  const [showChanges, setShowChanges] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { state, start, stop, show, setText, restore } = useRewriteStream();
  const ids = { draft: useId(), result: useId(), kind: useId(), length: useId(), keys: useId() };
  const rewriteButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const tryAgainButton = useRef<HTMLButtonElement>(null);
  const resultBox = useRef<HTMLTextAreaElement>(null);
  const stoppedByPerson = useRef(false);
  /** Set once the person types in Draft: what is kept for the tab, or read from the page, arrives later and must not replace it. */
  const typedByPerson = useRef(false);
  const announced = useRef(new Set<string>());
  const streaming = state.phase === 'streaming';
  const shown = state.tries[state.current] ?? null;
  const text = shown?.text ?? '';

  const takeDraftFromPage = useCallback(async (tab: number) => {
    const result = await readDraftFromTab(tab);
    if (result.ok) {
      setDraft(result.text);
      setSource(result.source);
    }
    setNotice(result.ok ? null : { kind: 'alert', message: result.error });
  }, []);

  // What the draft starts from is taken up in the render it arrives in, so the screen that shows
  // it is the first one drawn with it; what the person typed before it arrived is kept.
  const [started, setStarted] = useState(false);
  if (!started && startsFrom !== undefined) {
    setStarted(true);
    if (startsFrom && !typedByPerson.current) {
      if ('kept' in startsFrom) {
        const { kept } = startsFrom;
        setDraft(kept.draft);
        setSource(kept.source);
        setKind(kept.kind);
        setLength(kept.length);
        for (const item of kept.tries) announced.current.add(item.id);
        restore(kept.tries, kept.current);
      } else {
        setDraft(startsFrom.page.text);
        setSource(startsFrom.page.source);
      }
    }
  }
  useKeptTabDraft(tabId, { draft, source, kind, length, tries: streaming ? state.tries.slice(0, -1) : state.tries, current: state.current }, started);

  // Focus goes where a keyboard user expects: Stop while it streams, then the result (or, after
  // Stop, back to Rewrite; after a failure, to Try again).
  const previousPhase = useRef(state.phase);
  useEffect(() => {
    const before = previousPhase.current;
    previousPhase.current = state.phase;
    if (before === state.phase) return;
    if (state.phase === 'streaming') {
      stopButton.current?.focus();
      return;
    }
    if (before !== 'streaming') return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (stoppedByPerson.current) rewriteButton.current?.focus();
    else if (focusLost) (state.phase === 'error' ? tryAgainButton.current : resultBox.current)?.focus();
    stoppedByPerson.current = false;
  }, [state.phase]);

  const onScored = useCallback(
    (tryId: string, score: string | null) => {
      if (announced.current.has(tryId) || !state.tries.find((item) => item.id === tryId)?.finished) return;
      announced.current.add(tryId);
      const which = state.tries.length > 1 ? ` (try ${state.current + 1} of ${state.tries.length})` : '';
      setAnnouncement(`Rewrite ready${which}${score ? `, sounds like you: ${score}` : ''}.`);
    },
    [state.tries, state.current],
  );

  function rewrite() {
    if (streaming || draft.trim() === '' || ready !== true) return;
    setNotice(null);
    setAnnouncement('');
    setShowChanges(false);
    start(draft, { kind, length }, profileId);
  }

  function onDraftKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      rewrite();
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ kind: 'status', message: 'Copied' });
    } catch {
      setNotice({ kind: 'alert', message: 'The browser did not allow copying; select the text and copy it by hand.' });
    }
  }

  async function insertIntoPage(tab: number) {
    const result = await insertIntoTab(tab, text, source);
    setNotice(result.ok ? { kind: 'status', message: 'Put into the page' } : { kind: 'alert', message: result.error });
  }

  const hasResult = text !== '' && !streaming;
  return (
    <section aria-label="Rewrite a draft" className="rewrite-panel">
      <form
        className="rewrite-form"
        onSubmit={(event) => {
          event.preventDefault();
          rewrite();
        }}
      >
        <div className="field-head">
          <label htmlFor={ids.draft}>Draft</label>
          {source.from === 'selection' && <span className="badge">from your selection</span>}
          {tabId !== null && (
            <button type="button" className="quiet small" onClick={() => void takeDraftFromPage(tabId)} disabled={streaming}>
              Use text from page
            </button>
          )}
        </div>
        <textarea
          id={ids.draft}
          className="draft-box"
          value={draft}
          onChange={(event) => {
            typedByPerson.current = true;
            setDraft(event.target.value);
          }}
          onKeyDown={onDraftKey}
          aria-describedby={ids.keys}
          aria-keyshortcuts={IS_MAC ? 'Meta+Enter' : 'Control+Enter'}
          rows={4}
        />
        <Suspense fallback={<p className="style-match" />}>
          <StyleMatch label="Draft" text={draft} profileId={profileId} />
        </Suspense>
        <div className="choices">
          <label htmlFor={ids.kind}>Kind of text</label>
          <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as DraftKind)}>
            {KIND_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor={ids.length}>Length</label>
          <select id={ids.length} value={length} onChange={(event) => setLength(event.target.value as LengthChoice)}>
            {LENGTH_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button ref={rewriteButton} type="submit" className="primary" disabled={streaming || draft.trim() === '' || ready !== true}>
            Rewrite
          </button>
          {streaming && (
            <button
              ref={stopButton}
              type="button"
              onClick={() => {
                stoppedByPerson.current = true;
                stop();
              }}
            >
              Stop
            </button>
          )}
          {!streaming && (state.tries.length > 0 || state.phase === 'error') && (
            <button ref={tryAgainButton} type="button" onClick={rewrite} disabled={draft.trim() === '' || ready !== true}>
              Try again
            </button>
          )}
          <span id={ids.keys} className="hint push-end">
            or {IS_MAC ? '⌘' : 'Ctrl'}+Enter
          </span>
        </div>
      </form>
      {ready === false && <p className="hint">Rewriting unlocks once Idiolect has learned your voice.</p>}
      {state.phase === 'error' && <p role="alert">{state.message}</p>}
      <div className="field-head">
        {showChanges && hasResult && shown ? <span className="label">Rewritten draft</span> : <label htmlFor={ids.result}>Rewritten draft</label>}
        <button type="button" className="quiet small" aria-pressed={showChanges} onClick={() => setShowChanges((on) => !on)} disabled={!hasResult}>
          Show changes
        </button>
        {state.tries.length > 1 && (
          <div className="try-steps" role="group" aria-label="Tries">
            <button type="button" className="quiet small" onClick={() => show(state.current - 1)} disabled={streaming || state.current === 0}>
              Previous
            </button>
            <span aria-live="polite">
              Try {state.current + 1} of {state.tries.length}
            </span>
            <button type="button" className="quiet small" onClick={() => show(state.current + 1)} disabled={streaming || state.current === state.tries.length - 1}>
              Next
            </button>
          </div>
        )}
      </div>
      {showChanges && hasResult && shown ? (
        <div className="result-box changes-box">
          <Suspense fallback={null}>
            <WordChanges draft={shown.draft} rewrite={text} />
          </Suspense>
        </div>
      ) : (
        <textarea
          id={ids.result}
          ref={resultBox}
          className="result-box"
          value={text}
          readOnly={streaming}
          aria-busy={streaming}
          onChange={(event) => setText(event.target.value)}
          rows={5}
        />
      )}
      <div className="actions">
        <button type="button" onClick={copy} disabled={!hasResult}>
          Copy
        </button>
        {tabId !== null && (
          <button type="button" onClick={() => void insertIntoPage(tabId)} disabled={!hasResult}>
            Insert into page
          </button>
        )}
        {notice && <span role={notice.kind}>{notice.message}</span>}
      </div>
      {hasResult && shown && (
        <Suspense fallback={null}>
          <RewriteDetails shown={shown} onScored={onScored} />
        </Suspense>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
