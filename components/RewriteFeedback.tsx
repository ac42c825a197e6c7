import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { FeedbackVerdict } from '@/lib/db/records';
import { readRewriteFeedback } from '@/lib/db/rewrite-feedback';
import { sendMessage } from '@/lib/messaging';

interface Props {
  rewriteId: string;
  text: string;
  profileId: string;
  setId: string;
  hypothesisIds: string[];
}

/**
 * "Sounds like me" / "Not like me" on one rewrite, with an optional note: kept by the background
 * with the hypotheses that guided it, it is evidence the next refinement weighs. Pressing the
 * chosen one again takes the verdict back.
 */
export function RewriteFeedback({ rewriteId, text, profileId, setId, hypothesisIds }: Props) {
  const stored = useLiveQuery(() => readRewriteFeedback(openIdiolectDatabase(), rewriteId), [rewriteId]);
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const noteId = useId();
  const verdict = stored?.verdict ?? null;
  const shownNote = note ?? stored?.note ?? '';

  const save = (chosen: FeedbackVerdict, withNote: string) =>
    sendMessage('saveRewriteFeedback', { id: rewriteId, profileId, setId, hypothesisIds, rewrite: text, verdict: chosen, note: withNote.trim() || null }).then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  const choose = (chosen: FeedbackVerdict) =>
    void (chosen === verdict ? sendMessage('deleteRewriteFeedback', rewriteId).then(() => setNote(null)) : save(chosen, shownNote));

  return (
    <div className="rewrite-feedback">
      <div className="actions" role="group" aria-label="Does this sound like you?">
        <button type="button" className="small" aria-pressed={verdict === 'like-me'} onClick={() => choose('like-me')} disabled={stored === undefined}>
          Sounds like me
        </button>
        <button type="button" className="small" aria-pressed={verdict === 'not-like-me'} onClick={() => choose('not-like-me')} disabled={stored === undefined}>
          Not like me
        </button>
      </div>
      {verdict && (
        <form
          className="feedback-note"
          onSubmit={(event) => {
            event.preventDefault();
            void save(verdict, shownNote);
          }}
        >
          <label htmlFor={noteId} className="visually-hidden">
            Note (optional)
          </label>
          <input id={noteId} type="text" maxLength={1_000} placeholder="Note (optional): what sounds off?" value={shownNote} onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="small" disabled={shownNote.trim() === (stored?.note ?? '')}>
            Save note
          </button>
        </form>
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
