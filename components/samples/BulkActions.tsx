import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { listProfiles } from '@/lib/db/profiles';
import { MAX_BULK_SAMPLES } from '@/lib/samples/sample-table';
import type { SampleActions } from './use-sample-actions';

/** What can be done to the selected samples at once. */
export function BulkActions({ profileId, selectedIds, actions, onDone }: { profileId: string; selectedIds: readonly string[]; actions: SampleActions; onDone(): void }) {
  const id = useId();
  const others = useLiveQuery(() => listProfiles(openIdiolectDatabase()))?.filter((profile) => profile.id !== profileId) ?? [];
  const [target, setTarget] = useState('');
  const moveTo = others.find((profile) => profile.id === target) ?? others[0];
  const count = selectedIds.length;
  const disabled = count === 0 || count > MAX_BULK_SAMPLES;
  /** Clears the selection at once; the toast tells the outcome. */
  const act = (change: (sampleIds: readonly string[]) => Promise<void>) => () => {
    onDone();
    void change(selectedIds);
  };
  return (
    <div role="group" aria-label="Selected samples" className="sample-bulk">
      <span className="sample-bulk-count">{count === 0 ? 'None selected' : `${count.toLocaleString('en-US')} selected`}</span>
      <button type="button" className="small" disabled={disabled} onClick={act(actions.keepOut)}>
        Keep out of learning
      </button>
      <button type="button" className="small" disabled={disabled} onClick={act(actions.use)}>
        Use for learning
      </button>
      <button type="button" className="small danger" disabled={disabled} onClick={act(actions.remove)}>
        Delete
      </button>
      {moveTo && (
        <span className="sample-move">
          <label htmlFor={`${id}-move`} className="visually-hidden">
            Profile to move to
          </label>
          <select id={`${id}-move`} value={moveTo.id} onChange={(event) => setTarget(event.target.value)}>
            {others.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
          <button type="button" className="small" disabled={disabled} onClick={act((sampleIds) => actions.move(sampleIds, moveTo))}>
            Move to another profile
          </button>
        </span>
      )}
      {count > MAX_BULK_SAMPLES && <span className="hint">Select at most {MAX_BULK_SAMPLES.toLocaleString('en-US')} at once.</span>}
    </div>
  );
}
