import { useEffect, useId, useRef, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { VoiceListing } from '@/lib/db/voices-view';
import { listVoices } from '@/lib/db/voices-view';
import { sendMessage } from '@/lib/messaging';
import { ConfirmDialog } from './design/ConfirmDialog';
import { useToast } from './design/Toasts';
import './ProfileManager.css';
import { useSettledLiveQuery } from './use-settled-live-query';

type Notice = { kind: 'status' | 'alert'; message: string } | null;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function samplesWord(count: number): string {
  return `${count} sample${count === 1 ? '' : 's'}`;
}

function versionsWord(count: number): string {
  return count === 0 ? 'nothing learned yet' : `${count} learned version${count === 1 ? '' : 's'}`;
}

/**
 * Several voices in one browser (work mail, personal blog): each with its samples, whether new
 * texts go to it, and the sites that use it. A new voice waits until the person chooses it;
 * a deleted one can be brought back from the toast.
 */
export function ProfileManager() {
  const voices = useSettledLiveQuery(() => listVoices(openIdiolectDatabase()));
  const [notice, setNotice] = useState<Notice>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="stack voices">
      <div className="stack tight">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          Voices
        </h3>
        <p className="hint">New texts go to the active voice, unless their site has a voice of its own (see Sites).</p>
      </div>
      {voices?.length === 0 && <p>No voices yet. The first text Idiolect keeps starts “My voice”; or create one below.</p>}
      {voices && voices.length > 0 && (
        <ul aria-label="Voices" className="voice-list">
          {voices.map((voice) => (
            <VoiceRow
              key={voice.profile.id}
              voice={voice}
              onlyOne={voices.length === 1}
              onNotice={setNotice}
              onDeleted={() => headingRef.current?.focus()}
            />
          ))}
        </ul>
      )}
      {voices?.length === 1 && <p className="hint">Idiolect keeps at least one voice, so this one cannot be deleted until there is another.</p>}
      <CreateVoiceForm onNotice={setNotice} />
      <p role="status" className="live">
        {notice?.kind === 'status' ? notice.message : ''}
      </p>
      {notice?.kind === 'alert' && <p role="alert">{notice.message}</p>}
    </section>
  );
}

function VoiceRow({
  voice,
  onlyOne,
  onNotice,
  onDeleted,
}: {
  voice: VoiceListing;
  onlyOne: boolean;
  onNotice: (notice: Notice) => void;
  onDeleted: () => void;
}) {
  const { profile, sampleCount, hypothesisVersions, active, sites } = voice;
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const toast = useToast();
  const nameId = useId();

  function stopRenaming() {
    setRenaming(false);
    // Back to where the person started, once the button is there again.
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  async function remove() {
    onNotice(null);
    try {
      const deleted = await sendMessage('deleteProfile', profile.id);
      onDeleted();
      toast({
        message: `Deleted “${profile.name}” and its ${samplesWord(deleted.samples.length)}.`,
        undo: async () => {
          try {
            await sendMessage('restoreProfile', deleted);
            toast({ message: `“${profile.name}” is back, with its ${samplesWord(deleted.samples.length)}.` });
          } catch (error) {
            toast({ message: messageOf(error) });
          }
        },
      });
    } catch (error) {
      onNotice({ kind: 'alert', message: messageOf(error) });
    }
  }

  return (
    <li aria-labelledby={nameId} className="voice">
      {renaming ? (
        <RenameForm voiceId={profile.id} name={profile.name} onDone={stopRenaming} onNotice={onNotice} />
      ) : (
        <>
          <div className="voice-summary">
            <p>
              <span id={nameId} className="voice-name">
                {profile.name}
              </span>
              {active && <span className="badge accent">Active</span>}
            </p>
            <p className="meta">
              {samplesWord(sampleCount)} · {versionsWord(hypothesisVersions)}
              {sites.length > 0 ? ` · Used on ${sites.join(', ')}` : ''}
            </p>
          </div>
          <div className="actions">
            {!active && (
              <button
                type="button"
                className="small"
                onClick={() => {
                  onNotice(null);
                  void sendMessage('switchActiveProfile', profile.id)
                    .then(() => onNotice({ kind: 'status', message: `New texts now go to “${profile.name}”.` }))
                    .catch((error: unknown) => onNotice({ kind: 'alert', message: messageOf(error) }));
                }}
              >
                Use for new texts
              </button>
            )}
            <button ref={renameButton} type="button" className="small" onClick={() => setRenaming(true)}>
              Rename
            </button>
            {!onlyOne && (
              <ConfirmDialog
                trigger={
                  <button type="button" className="small danger">
                    Delete
                  </button>
                }
                title={`Delete “${profile.name}”?`}
                description={
                  <>
                    <p>
                      Deleting it also deletes its {samplesWord(sampleCount)}
                      {hypothesisVersions > 0 ? ` and ${versionsWord(hypothesisVersions)}` : ''}.
                    </p>
                    {sites.length > 0 && <p>{sites.join(', ')} will use the active voice instead.</p>}
                    {active && <p>New texts will go to another voice.</p>}
                    <p>You can undo this from the message that follows.</p>
                  </>
                }
                confirmLabel={`Delete “${profile.name}” and ${samplesWord(sampleCount)}`}
                onConfirm={() => void remove()}
              />
            )}
          </div>
        </>
      )}
    </li>
  );
}

function RenameForm({
  voiceId,
  name,
  onDone,
  onNotice,
}: {
  voiceId: string;
  name: string;
  onDone: () => void;
  onNotice: (notice: Notice) => void;
}) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  useEffect(() => inputRef.current?.select(), []);

  return (
    <form
      className="voice-rename"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        void sendMessage('renameProfile', { profileId: voiceId, name: value })
          .then(() => {
            onNotice({ kind: 'status', message: `Renamed “${name}” to “${value.trim()}”.` });
            onDone();
          })
          .catch((cause: unknown) => {
            setError(messageOf(cause));
            inputRef.current?.focus();
          });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>New name for “{name}”</label>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          value={value}
          maxLength={80}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary small" disabled={value.trim() === ''}>
          Save name
        </button>
        <button type="button" className="small" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function CreateVoiceForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  return (
    <form
      className="voice-create"
      onBlur={(event) => {
        // Once the person turns to something else, a refusal of a name they gave up on is old news.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setError(null);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        onNotice(null);
        void sendMessage('createProfile', name)
          .then((created) => {
            setName('');
            onNotice({ kind: 'status', message: `Created “${created.name}”. New texts still go to the active voice until you choose “Use for new texts”.` });
          })
          .catch((cause: unknown) => {
            setError(messageOf(cause));
            inputRef.current?.focus();
          });
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Name of a new voice</label>
        <div className="voice-create-row">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            placeholder="Work email"
            value={name}
            maxLength={80}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          <button type="submit" disabled={name.trim() === ''}>
            Create voice
          </button>
        </div>
      </div>
      {error && (
        <p id={errorId} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
