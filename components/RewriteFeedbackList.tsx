import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { listRewriteFeedback } from '@/lib/db/rewrite-feedback';
import { sendMessage } from '@/lib/messaging';

const VERDICT_LABEL = { 'like-me': 'Sounds like me', 'not-like-me': 'Not like me' } as const;

/**
 * What the person said of rewrites in one voice ("Sounds like me" / "Not like me", and their
 * notes), which the next refinement weighs; each can be deleted, and then no longer counts.
 */
export function RewriteFeedbackList({ profileId }: { profileId: string }) {
  const feedback = useLiveQuery(() => listRewriteFeedback(openIdiolectDatabase(), profileId), [profileId]);
  const [problem, setProblem] = useState<string | null>(null);
  if (!feedback) return null;
  return (
    <section aria-labelledby="rewrite-feedback-heading" className="stack tight">
      <h3 id="rewrite-feedback-heading">What you said of rewrites</h3>
      {feedback.length === 0 ? (
        <p className="hint">Nothing yet. Say “Sounds like me” or “Not like me” on a rewrite in the popup, and the next learning run takes it into account.</p>
      ) : (
        <ul className="samples" aria-label="What you said of rewrites">
          {feedback.map((item) => (
            <li key={item.id} className="stack tight">
              <div className="spread">
                <span className={`badge ${item.verdict === 'like-me' ? 'success' : 'warning'}`}>{VERDICT_LABEL[item.verdict]}</span>
                <span className="meta">{new Date(item.createdAt).toLocaleString()}</span>
              </div>
              <p className="sample-text">{item.rewrite}</p>
              {item.note && <p className="hint">Your note: {item.note}</p>}
              <div className="actions">
                <button
                  type="button"
                  className="small danger"
                  aria-label={`Delete “${VERDICT_LABEL[item.verdict]}” on “${item.rewrite.slice(0, 40)}”`}
                  onClick={() =>
                    void sendMessage('deleteRewriteFeedback', item.id).then(
                      () => setProblem(null),
                      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
                    )
                  }
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
