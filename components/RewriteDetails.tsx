import { Popover } from 'radix-ui';
import { describeFidelity } from '@/lib/rewrite/fidelity';
import type { RewriteTry } from '@/lib/rewrite/tab-drafts';
import { RewriteFeedback } from './RewriteFeedback';
import { StyleMatch } from './StyleMatch';

/**
 * What there is to know about one finished try: how much it sounds like the person, what facts
 * of the draft it lost or added, which hypotheses guided it, and what the person thinks of it.
 * Loaded after the popup's first render (it brings the protocol's schemas). Plain text only.
 */
export default function RewriteDetails({ shown, onScored }: { shown: RewriteTry; onScored: (tryId: string, score: string | null) => void }) {
  return (
    <div className="rewrite-details">
      <div className="rewrite-checks">
        <StyleMatch label="Rewritten draft" text={shown.text} profileId={shown.profileId} onShown={(score) => onScored(shown.id, score)} />
        <FactCheck shown={shown} />
      </div>
      <div className="rewrite-verdict">
        {shown.finished && shown.profileId && shown.setId && (
          <RewriteFeedback rewriteId={shown.id} text={shown.text} profileId={shown.profileId} setId={shown.setId} hypothesisIds={shown.guidedBy.map((item) => item.id)} />
        )}
        {shown.guidedBy.length > 0 && <GuidedBy hypotheses={shown.guidedBy} />}
      </div>
    </div>
  );
}

/** Which hypotheses the rewrite was conditioned on: folded away until asked for. */
function GuidedBy({ hypotheses }: { hypotheses: RewriteTry['guidedBy'] }) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="quiet small push-end">
          Guided by {hypotheses.length === 1 ? '1 hypothesis' : `${hypotheses.length} hypotheses`}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="surface popover" side="top" align="end" collisionPadding={8}>
          <ul aria-label="Hypotheses that guided this rewrite" className="hypotheses">
            {hypotheses.map((item) => (
              <li key={item.id}>{item.statement}</li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** What the rewrite lost or added of the draft's facts, checked without a model. */
function FactCheck({ shown }: { shown: RewriteTry }) {
  if (!shown.finished || !shown.fidelity) return null;
  const message = describeFidelity(shown.fidelity);
  if (!message) return <p className="fact-check hint">All names, numbers, dates and links of the draft are in the rewrite.</p>;
  return (
    <p role="alert" aria-label="Fact check" className="fact-check notice">
      {message}
    </p>
  );
}
