import { useState } from 'react';
import { learningStateOf } from '@/lib/inference/learning-state';
import { sendMessage } from '@/lib/messaging';
import { useActiveLearning, type LearningView } from './use-active-profile';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Where learning stands for the active profile (queued, learning, done, failed with the way to fix
 * it), from its latest job, and "Learn now" to take in the newest texts at once.
 */
export function LearningProgress({ view }: { view: LearningView }) {
  const [answer, setAnswer] = useState<{ kind: 'status' | 'alert'; message: string } | null>(null);
  const state = learningStateOf(view.lastJob);
  const busy = state.kind === 'queued' || state.kind === 'learning';
  const { hypothesisSet, usableUpTo, newSinceLearned } = view;
  const enough = usableUpTo >= view.enough;
  const learnNow = () => {
    setAnswer(null);
    void sendMessage('inferNow').then(
      ({ queued }) => queued || setAnswer({ kind: 'status', message: 'Nothing new to learn from since the last version.' }),
      (error: unknown) => setAnswer({ kind: 'alert', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div className="stack tight learning-progress">
      <div className="spread">
        <p className="meta">
          {hypothesisSet
            ? `Version ${hypothesisSet.version}, learned ${new Date(hypothesisSet.createdAt).toLocaleString()} · ${plural(newSinceLearned, 'new sample')} since`
            : enough
              ? 'Enough samples to learn your voice from.'
              : `${plural(usableUpTo, 'usable sample')}; Idiolect learns your voice once it has ${view.enough}.`}
        </p>
        {/* aria-disabled, not disabled: focus stays on the button while the run it started goes on. */}
        <button type="button" className="primary" onClick={() => busy || !enough || learnNow()} aria-disabled={busy || !enough}>
          {state.kind === 'failed' ? 'Try learning again' : 'Learn now'}
        </button>
      </div>
      <div role="status" className="learning-state">
        {state.kind === 'queued' && <p>Queued: learning starts in a moment.</p>}
        {state.kind === 'learning' && (
          <p className="spread">
            <span>Learning from your texts…</span>
            <progress aria-label="Learning from your texts" />
          </p>
        )}
        {state.kind === 'done' && hypothesisSet && (
          <p className="notice success">
            Done: version {hypothesisSet.version} is your profile now.{state.note && ` ${state.note}`}
          </p>
        )}
        {answer?.kind === 'status' && <p>{answer.message}</p>}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="stack tight">
          <p>Learning failed: {state.error}</p>
          {state.fix && (
            <p>
              <a href={`#${state.fix.section}`}>{state.fix.label}</a>
            </p>
          )}
        </div>
      )}
      {answer?.kind === 'alert' && <p role="alert">{answer.message}</p>}
    </div>
  );
}

/**
 * The active voice's learning, watched on its own: only this part of the Profile section wakes
 * when a sample changes (the hypotheses, About you and History do not depend on samples).
 */
export function ActiveLearningProgress() {
  const view = useActiveLearning();
  return view ? <LearningProgress view={view} /> : null;
}
