import { Dialog } from 'radix-ui';
import type { Sample } from '@/lib/db/records';
import { SAMPLE_STATUS_WORDS, sampleStatus } from '@/lib/samples/sample-table';
import type { SampleActions } from './use-sample-actions';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** One sample in full, in a panel at the side, with what can be done to it. */
export function SampleDetail({ sample, flagged, actions, onClose }: { sample: Sample | null; flagged: ReadonlySet<string>; actions: SampleActions; onClose(): void }) {
  return (
    <Dialog.Root open={sample !== null} onOpenChange={(open) => open || onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {sample && (
          <Dialog.Content className="dialog sample-sheet" aria-describedby={undefined}>
            <Dialog.Title asChild>
              <h2>Sample from {sample.site || sample.source}</h2>
            </Dialog.Title>
            <p className="meta">
              {[sample.kind, DATE.format(new Date(sample.writtenAt)), `${sample.wordCount.toLocaleString('en-US')} words`, sample.language, sample.recipientDomain && `to ${sample.recipientDomain}`]
                .filter(Boolean)
                .join(' · ')}{' '}
              <span className="badge">{SAMPLE_STATUS_WORDS[sampleStatus(sample, flagged)]}</span>
            </p>
            {sampleStatus(sample, flagged) === 'flagged' && <p className="notice warning">This text looks unlike your other samples. If someone else wrote it, keep it out or delete it.</p>}
            <p className="sample-text">{sample.text}</p>
            <div className="actions">
              {sample.excluded ? (
                <button type="button" onClick={() => void actions.use([sample.id])}>
                  Use for learning
                </button>
              ) : (
                <button type="button" onClick={() => void actions.keepOut([sample.id])}>
                  Keep out of learning
                </button>
              )}
              <button
                type="button"
                className="danger"
                onClick={() => {
                  onClose();
                  void actions.remove([sample.id]);
                }}
              >
                Delete sample
              </button>
              <Dialog.Close asChild>
                <button type="button" className="quiet">
                  Close
                </button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        )}
      </Dialog.Portal>
    </Dialog.Root>
  );
}
