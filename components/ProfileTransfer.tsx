import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { listProfiles } from '@/lib/db/profiles';
import { countStoredRecords } from '@/lib/db/voices-view';
import { sendMessage } from '@/lib/messaging';
import { counted, describeImportSummary, describeMergePreview, describePreviewTotals, importAddsSomething } from '@/lib/profile-transfer/describe-import';
import { exportFileName, exportProfiles } from '@/lib/profile-transfer/export-profiles';
import { readProfileFile, type ProfileImportPreview } from '@/lib/profile-transfer/import-profiles';
import { formatBytes } from '@/lib/options/format-bytes';
import { ConfirmDialog } from './design/ConfirmDialog';
import './ProfileTransfer.css';
import { useSettledLiveQuery } from './use-settled-live-query';

type Part = 'export' | 'import' | 'wipe';
type Status = { kind: 'status' | 'alert'; message: string; part: Part } | null;
const ALL = '';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** What the browser says Idiolect's storage uses; null where it does not say. */
function useStorageEstimate(changed: unknown): { usage: number; quota: number } | null {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.estimate()
      .then(({ usage, quota }) => setEstimate(usage === undefined || quota === undefined ? null : { usage, quota }))
      .catch(() => setEstimate(null));
  }, [changed]);
  return estimate;
}

/** Export, import and wipe: what Idiolect keeps is the person's to take away, bring back or destroy. */
export function ProfileTransfer() {
  const db = openIdiolectDatabase();
  const profiles = useLiveQuery(() => listProfiles(db));
  const counts = useSettledLiveQuery(() => countStoredRecords(db));
  // Asked again when what is stored changes in number, not on every edit (keeping a sample out changes no count).
  const estimate = useStorageEstimate(counts && `${counts.profiles} ${counts.samples} ${counts.hypothesisSets}`);
  const [status, setStatus] = useState<Status>(null);
  const [exportChoice, setExportChoice] = useState(ALL);
  const [pending, setPending] = useState<{ fileName: string; text: string; preview: ProfileImportPreview } | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { storage: useId(), exporting: useId(), choice: useId(), importing: useId(), file: useId(), preview: useId(), wipe: useId() };

  useEffect(() => {
    if (pending) previewHeading.current?.focus();
  }, [pending]);

  async function exportChosen() {
    const chosen = exportChoice === ALL ? undefined : [exportChoice];
    const file = await exportProfiles(db, chosen);
    download(exportFileName(), JSON.stringify(file, null, 2));
    const samples = file.profiles.reduce((sum, entry) => sum + entry.samples.length, 0);
    setStatus({ part: 'export', kind: 'status', message: `Exported ${counted(file.profiles.length, 'voice')} with ${counted(samples, 'sample')}. The file holds your texts: keep it private.` });
  }

  async function preview(file: File) {
    setStatus(null);
    setPending(null);
    try {
      const text = await readProfileFile(file);
      setPending({ fileName: file.name, text, preview: await sendMessage('previewProfileImport', text) });
    } catch (error) {
      setStatus({ part: 'import', kind: 'alert', message: `${messageOf(error)} Nothing was changed.` });
    }
  }

  async function importPending() {
    if (!pending) return;
    try {
      const summary = await sendMessage('importProfileFile', pending.text);
      setStatus({ part: 'import', kind: 'status', message: describeImportSummary(summary) });
    } catch (error) {
      setStatus({ part: 'import', kind: 'alert', message: `${messageOf(error)} Nothing was changed.` });
    }
    setPending(null);
    fileInput.current?.focus();
  }

  function closePreview() {
    setPending(null);
    fileInput.current?.focus();
  }

  async function wipe() {
    setPending(null);
    await sendMessage('wipeAllData');
    setStatus({ part: 'wipe', kind: 'status', message: 'Everything Idiolect stored in this browser has been deleted.' });
  }

  return (
    <div className="stack your-data">
      <section aria-labelledby={ids.storage} className="surface stack tight">
        <h3 id={ids.storage}>What Idiolect keeps here</h3>
        {counts && (
          <p>
            {counted(counts.profiles, 'voice')}, {counted(counts.samples, 'sample')}, {counted(counts.hypothesisSets, 'learned version')} and{' '}
            {counted(counts.sites, 'allowed site')}.
          </p>
        )}
        <p className="meta">
          {estimate
            ? `Storage used: ${formatBytes(estimate.usage)} of the ${formatBytes(estimate.quota)} this browser allows Idiolect.`
            : 'This browser does not say how much storage Idiolect uses.'}{' '}
          Nothing leaves this browser unless you export it.
        </p>
      </section>

      <section aria-labelledby={ids.exporting} className="surface stack tight">
        <h3 id={ids.exporting}>Export</h3>
        <p className="hint">A file with the voices’ samples and what was learned from them; never your API key or settings.</p>
        <div className="transfer-row">
          <div className="field">
            <label htmlFor={ids.choice}>Voices to export</label>
            <select id={ids.choice} value={exportChoice} onChange={(event) => setExportChoice(event.target.value)}>
              <option value={ALL}>All voices</option>
              {(profiles ?? []).map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={!profiles?.length} onClick={() => void exportChosen().catch((error: unknown) => setStatus({ part: 'export', kind: 'alert', message: messageOf(error) }))}>
            Export
          </button>
        </div>
        <StatusLine status={status} part="export" />
      </section>

      <section aria-labelledby={ids.importing} className="surface stack tight">
        <h3 id={ids.importing}>Import</h3>
        <p className="hint">You see what the file holds before anything is added. Voices already here take only what they do not have yet.</p>
        <div className="field">
          <label htmlFor={ids.file}>Import profiles from an export file</label>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void preview(file);
            }}
          />
        </div>
        {pending && (
          <section aria-labelledby={ids.preview} className="import-preview stack tight">
            <h4 id={ids.preview} ref={previewHeading} tabIndex={-1}>
              In {pending.fileName}
            </h4>
            <ul aria-label="Voices in the file">
              {pending.preview.profiles.map((entry, index) => {
                const { title, details } = describeMergePreview(entry);
                return (
                  <li key={index}>
                    <span className="voice-name">{title}</span>
                    <span className="meta">{details}</span>
                  </li>
                );
              })}
            </ul>
            <p>{describePreviewTotals(pending.preview)}</p>
            <div className="actions">
              {importAddsSomething(pending.preview) ? (
                <>
                  <button type="button" className="primary" onClick={() => void importPending()}>
                    Import
                  </button>
                  <button type="button" onClick={closePreview}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" onClick={closePreview}>
                  Close
                </button>
              )}
            </div>
          </section>
        )}
        <StatusLine status={status} part="import" />
      </section>

      <section aria-labelledby={ids.wipe} className="surface stack tight">
        <h3 id={ids.wipe}>Delete everything</h3>
        <p className="hint">Removes all of Idiolect’s data from this browser. Export first if you may want it back.</p>
        <div className="actions">
          <ConfirmDialog
            trigger={
              <button type="button" className="danger">
                Delete all my data
              </button>
            }
            title="Delete all your data?"
            description={
              <>
                <p>This deletes, from this browser, and cannot be undone:</p>
                <ul>
                  <li>
                    {counts ? `${counted(counts.profiles, 'voice')} with ${counted(counts.samples, 'sample')} and ${counted(counts.hypothesisSets, 'learned version')}` : 'your voices, samples and what was learned'}
                  </li>
                  <li>{counts ? `${counted(counts.sites, 'allowed site')}, and the browser’s access to them` : 'your allowed sites, and the browser’s access to them'}</li>
                  <li>your model settings and API key</li>
                </ul>
              </>
            }
            confirmLabel="Yes, delete everything"
            cancelLabel="Keep my data"
            onConfirm={() => void wipe().catch((error: unknown) => setStatus({ part: 'wipe', kind: 'alert', message: messageOf(error) }))}
          />
        </div>
        <StatusLine status={status} part="wipe" />
      </section>
    </div>
  );
}

/** The outcome of one part's action, announced where it happened. */
function StatusLine({ status, part }: { status: Status; part: Part }) {
  const mine = status?.part === part ? status : null;
  return (
    <>
      <p role="status" className="live">
        {mine?.kind === 'status' ? mine.message : ''}
      </p>
      {mine?.kind === 'alert' && <p role="alert">{mine.message}</p>}
    </>
  );
}
