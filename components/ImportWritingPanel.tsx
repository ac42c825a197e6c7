import { useId, useState } from 'react';
import {
  describeImportSummary,
  importFileTypeOf,
  isAbortError,
  parseOwnAddresses,
  readWritingFiles,
  type ImportProgress,
  type ImportSummary,
} from '@/lib/import-writing';
import { sendMessage } from '@/lib/messaging';
import './import-writing.css';

type Outcome = { role: 'status' | 'alert'; text: string };

interface RunningImport {
  controller: AbortController;
  progress: ImportProgress | null;
}

const isMbox = (file: File) => importFileTypeOf(file.name) === 'mbox';

function describeProgress(progress: ImportProgress | null): string {
  if (!progress) return 'Starting the import…';
  const messages = progress.messagesRead > 0 ? `, ${progress.messagesRead.toLocaleString()} messages` : '';
  return `Reading ${progress.fileName}${messages} (${Math.floor((100 * progress.bytesRead) / Math.max(progress.totalBytes, 1))}%)`;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Adds writing the user already has: pasted text, text and email files, a mail export. */
export function ImportWritingPanel() {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [addresses, setAddresses] = useState('');
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run(importing: (signal: AbortSignal, onProgress: (progress: ImportProgress) => void) => Promise<ImportSummary>) {
    const controller = new AbortController();
    setRunning({ controller, progress: null });
    setOutcome(null);
    try {
      // The background keeps what it admits and, as for a sent text, updates the badge and starts learning.
      const summary = await importing(controller.signal, (progress) => setRunning((current) => current && { ...current, progress }));
      setOutcome({ role: 'status', text: describeImportSummary(summary) });
      return summary;
    } catch (error) {
      if (isAbortError(error)) setOutcome({ role: 'status', text: 'Import cancelled. Nothing was added.' });
      else setOutcome({ role: 'alert', text: `${messageOf(error)} Nothing was imported.` });
      return null;
    } finally {
      setRunning(null);
    }
  }

  async function addPasted() {
    const summary = await run(() => sendMessage('addPastedText', pasted));
    if (summary?.added) setPasted('');
  }

  async function importFiles() {
    const own = parseOwnAddresses(addresses);
    if (!own.ok) {
      setOutcome({ role: 'alert', text: own.message });
      return;
    }
    const summary = await run(async (signal, onProgress) =>
      sendMessage('importWriting', await readWritingFiles(files, { ownAddresses: own.addresses, signal, onProgress })),
    );
    if (summary) {
      setFiles([]);
      setFileInputKey((key) => key + 1);
    }
  }

  const busy = running !== null;
  const share = running?.progress ? running.progress.bytesRead / Math.max(running.progress.totalBytes, 1) : undefined;

  return (
    <section aria-labelledby={`${id}-heading`} className="stack import-writing">
      <div className="stack tight">
        <h3 id={`${id}-heading`}>Import your writing</h3>
        <p className="hint">Texts you wrote before teach Idiolect your voice. They are cleaned like collected samples and stay in this browser.</p>
      </div>
      <div className="import-ways">
        <div className="field">
          <label htmlFor={`${id}-paste`}>Text you wrote</label>
          <textarea id={`${id}-paste`} rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || pasted.trim() === ''} onClick={() => void addPasted()}>
              Add as sample
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-files`}>Import files (.txt, .md, .eml, .mbox)</label>
          <input
            key={fileInputKey}
            id={`${id}-files`}
            type="file"
            multiple
            accept=".txt,.md,.markdown,.eml,.mbox"
            disabled={busy}
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
          {files.some(isMbox) && (
            <>
              <label htmlFor={`${id}-addresses`}>Your email address(es)</label>
              <input
                id={`${id}-addresses`}
                type="text"
                aria-describedby={`${id}-addresses-hint`}
                placeholder="you@example.org, you@work.example"
                value={addresses}
                onChange={(event) => setAddresses(event.target.value)}
              />
              <p id={`${id}-addresses-hint`} className="hint">
                Only messages you sent are kept. A Gmail Takeout export marks them itself; for other exports, enter the addresses you send from.
              </p>
            </>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || files.length === 0} onClick={() => void importFiles()}>
              Import selected files
            </button>
            {busy && (
              <button type="button" onClick={() => running.controller.abort()}>
                Cancel import
              </button>
            )}
          </div>
        </div>
      </div>

      {busy && (
        <div className="stack tight">
          <progress aria-label="Import progress" max={1} value={share} />
          <p className="meta">{describeProgress(running.progress)}</p>
        </div>
      )}
      {outcome && <p role={outcome.role} className={outcome.role === 'status' ? 'notice' : undefined}>{outcome.text}</p>}
    </section>
  );
}
