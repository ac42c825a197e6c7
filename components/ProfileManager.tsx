import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { listProfiles } from '@/lib/db/profiles';
import { sendMessage } from '@/lib/messaging';
import { useSetting } from './use-setting';

/** Several voices in one browser (work mail, personal blog): create, switch, rename, delete. */
export function ProfileManager() {
  const db = openIdiolectDatabase();
  const profiles = useLiveQuery(() => listProfiles(db));
  const activeId = useSetting('activeProfileId');
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { active: useId(), create: useId(), rename: useId() };
  const active = profiles?.find((profile) => profile.id === activeId);

  const run = (action: () => Promise<unknown>) => () => {
    setError(null);
    void action().catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  };

  return (
    <section aria-labelledby={`${ids.active}-heading`}>
      <h3 id={`${ids.active}-heading`}>Profiles</h3>
      {profiles && profiles.length > 0 && (
        <>
          <label htmlFor={ids.active}>Active profile</label>
          <select
            id={ids.active}
            value={activeId ?? ''}
            onChange={(event) => {
              setConfirmDelete(false);
              run(() => sendMessage('switchActiveProfile', event.target.value))();
            }}
          >
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </>
      )}
      {active && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => {
              await sendMessage('renameProfile', { profileId: active.id, name: rename });
              setRename('');
            })();
          }}
        >
          <label htmlFor={ids.rename}>New name for “{active.name}”</label>
          <input id={ids.rename} type="text" value={rename} onChange={(event) => setRename(event.target.value)} />
          <div className="actions">
            <button type="submit" disabled={rename.trim() === ''}>
              Rename profile
            </button>
            {confirmDelete ? (
              <>
                <button type="button" onClick={run(() => sendMessage('deleteProfile', active.id).then(() => setConfirmDelete(false)))}>
                  Yes, delete “{active.name}” and its samples
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)}>
                Delete profile
              </button>
            )}
          </div>
        </form>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run(async () => {
            await sendMessage('createProfile', newName);
            setNewName('');
          })();
        }}
      >
        <label htmlFor={ids.create}>Name of a new profile</label>
        <input id={ids.create} type="text" placeholder="Work email" value={newName} onChange={(event) => setNewName(event.target.value)} />
        <div className="actions">
          <button type="submit" disabled={newName.trim() === ''}>
            Create profile
          </button>
        </div>
      </form>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
