import { useId, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import { sendMessage } from '@/lib/messaging';
import { exportFileName, exportProfiles } from '@/lib/profile-transfer/export-profiles';
import { readProfileFile } from '@/lib/profile-transfer/import-profiles';

type Status = { kind: 'status' | 'alert'; message: string } | null;

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** Export, import and wipe: the profile is the user's to take away or destroy. */
export function ProfileTransfer() {
  const [status, setStatus] = useState<Status>(null);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const importId = useId();

  const reportFailure = (error: unknown) =>
    setStatus({ kind: 'alert', message: `${error instanceof Error ? error.message : String(error)} Nothing was changed.` });

  async function exportAll() {
    const file = await exportProfiles(openIdiolectDatabase());
    download(exportFileName(), JSON.stringify(file, null, 2));
    setStatus({ kind: 'status', message: `Exported ${file.profiles.length} profile(s). The file holds your samples: keep it private.` });
  }

  async function importFile(file: File) {
    try {
      const summary = await sendMessage('importProfileFile', await readProfileFile(file));
      setStatus({
        kind: 'status',
        message: `Imported ${summary.profiles} profile(s) with ${summary.samples} samples and ${summary.hypothesisSets} hypothesis versions.`,
      });
    } catch (error) {
      setStatus({ kind: 'alert', message: `${error instanceof Error ? error.message : String(error)} Nothing was changed.` });
    }
  }

  async function wipe() {
    await sendMessage('wipeAllData');
    setConfirmWipe(false);
    setStatus({ kind: 'status', message: 'Everything Idiolect stored in this browser has been deleted.' });
  }

  return (
    <section aria-labelledby={`${importId}-heading`}>
      <h3 id={`${importId}-heading`}>Export, import, delete</h3>
      <div className="actions">
        <button type="button" onClick={() => void exportAll().catch(reportFailure)}>
          Export profiles
        </button>
      </div>
      <label htmlFor={importId}>Import profiles from an export file</label>
      <input
        id={importId}
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <div className="actions">
        {confirmWipe ? (
          <>
            <button type="button" onClick={() => void wipe().catch(reportFailure)}>
              Yes, delete everything
            </button>
            <button type="button" onClick={() => setConfirmWipe(false)}>
              Keep my data
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmWipe(true)}>
            Delete all my data
          </button>
        )}
      </div>
      {status && <p role={status.kind}>{status.message}</p>}
    </section>
  );
}
