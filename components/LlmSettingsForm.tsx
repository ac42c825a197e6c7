import { useEffect, useId, useState } from 'react';
import { findBuiltInLanguageModel } from '@/lib/llm/chrome-builtin';
import { contextTokensFor, PROVIDER_PRESETS, presetFor } from '@/lib/llm/presets';
import { browser } from 'wxt/browser';
import { endpointOriginPattern } from '@/lib/llm/endpoint-access';
import { sendMessage, type LlmSettingsView } from '@/lib/messaging';
import { llmSettingsSchema, providerIdSchema, type LlmSettings } from '@/lib/settings/schema';

type Status = { kind: 'status' | 'alert'; message: string } | null;

const sameSettings = (a: LlmSettings, b: LlmSettings) =>
  a.provider === b.provider && a.baseURL === b.baseURL && a.model === b.model && (a.contextTokens ?? null) === (b.contextTokens ?? null);

export function LlmSettingsForm() {
  const [view, setView] = useState<LlmSettingsView | null>(null);
  const [draft, setDraft] = useState<LlmSettings | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [testing, setTesting] = useState(false);
  /** What the endpoint said it offers; the model field still takes any name (a server may accept one it does not list). */
  const [offeredModels, setOfferedModels] = useState<string[]>([]);
  const ids = { provider: useId(), baseURL: useId(), model: useId(), models: useId(), apiKey: useId(), context: useId(), hint: useId() };

  useEffect(() => {
    void sendMessage('getLlmSettings').then(
      (loaded) => {
        setView(loaded);
        setDraft(loaded.settings);
      },
      (error: unknown) => setStatus({ kind: 'alert', message: `Idiolect’s background did not answer (${error instanceof Error ? error.message : String(error)}). Reload this page.` }),
    );
  }, []);

  if (!draft || !view) return status ? <p role="alert">{status.message}</p> : <p>Loading settings…</p>;
  const update = (patch: Partial<LlmSettings>) => setDraft({ ...draft, ...patch });
  const builtInMissing = (view.builtIn ?? 'unavailable') === 'unavailable';
  const onDevice = draft.provider === 'chrome-builtin';
  const preset = presetFor(draft.provider);
  const unsaved = apiKey !== '' || !sameSettings(draft, view.settings);

  function validated(): LlmSettings | null {
    const parsed = llmSettingsSchema.safeParse(draft);
    if (parsed.success) return parsed.data;
    setStatus({ kind: 'alert', message: parsed.error.issues.map((issue) => issue.message).join('; ') });
    return null;
  }

  async function save() {
    const settings = validated();
    if (!settings) return;
    try {
      // First thing in the click: the browser only shows a permission prompt during a user gesture.
      const pattern = endpointOriginPattern(settings);
      const reachable = pattern ? await browser.permissions.request({ origins: [pattern] }) : true;
      const saved = await sendMessage('saveLlmSettings', { settings, ...(apiKey ? { apiKey } : {}) });
      setView(saved);
      setApiKey('');
      setStatus(
        reachable
          ? { kind: 'status', message: 'Saved.' }
          : {
              kind: 'alert',
              message: `Saved, but without access to ${new URL(settings.baseURL).hostname} requests can fail unless that server allows browser requests (CORS). Save again to grant access.`,
            },
      );
    } catch (error) {
      setStatus({ kind: 'alert', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function test() {
    const settings = validated();
    if (!settings) return;
    setTesting(true);
    setStatus({ kind: 'status', message: 'Testing…' });
    try {
      const report = await sendMessage('testLlmConnection', { settings, ...(apiKey ? { apiKey } : {}) });
      // A test of values that were never saved must not read as "set up": a reload would drop them.
      const notSaved = unsaved ? ' These settings are not saved yet: press Save to use them.' : '';
      setStatus({ kind: report.ok ? 'status' : 'alert', message: `${report.message}${notSaved}` });
      if (report.models.length > 0) setOfferedModels(report.models);
    } catch (error) {
      setStatus({ kind: 'alert', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setTesting(false);
    }
  }

  async function findModels() {
    if (!draft) return;
    try {
      const models = await sendMessage('listLlmModels', { settings: draft, ...(apiKey ? { apiKey } : {}) });
      setOfferedModels(models);
      setStatus({
        kind: 'status',
        message: models.length > 0 ? `The server offers ${models.length} model${models.length === 1 ? '' : 's'}: pick one or type a name.` : 'The server lists no models: type the model’s name.',
      });
    } catch (error) {
      setStatus({ kind: 'alert', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form
      className="settings-form"
      aria-label="Model endpoint"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={ids.provider}>Provider</label>
      <select
        id={ids.provider}
        value={draft.provider}
        aria-describedby={ids.hint}
        onChange={(event) => {
          const next = presetFor(providerIdSchema.parse(event.target.value));
          update({
            provider: next.id,
            baseURL: next.id === 'chrome-builtin' ? '' : next.baseURL || draft.baseURL,
            model: next.exampleModel || draft.model,
          });
          setStatus(null);
        }}
      >
        {PROVIDER_PRESETS.map((option) => (
          <option key={option.id} value={option.id} disabled={option.id === 'chrome-builtin' && builtInMissing}>
            {option.label}
            {option.id === 'chrome-builtin' && builtInMissing ? ' (not available in this browser)' : ''}
          </option>
        ))}
      </select>
      <p id={ids.hint} className="hint">
        {preset.hint}
      </p>
      {onDevice && (view.builtIn === 'downloadable' || view.builtIn === 'downloading') && <BuiltInDownload />}
      {!onDevice && (
        <>
          <label htmlFor={ids.baseURL}>Base URL</label>
          <input id={ids.baseURL} type="url" value={draft.baseURL} onChange={(event) => update({ baseURL: event.target.value })} />
          <label htmlFor={ids.model}>Model</label>
          <div className="input-with-button">
            <input id={ids.model} type="text" list={ids.models} value={draft.model} onChange={(event) => update({ model: event.target.value })} />
            <button type="button" onClick={() => void findModels()}>
              Find models
            </button>
          </div>
          <datalist id={ids.models}>
            {offeredModels.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
          <label htmlFor={ids.apiKey}>API key</label>
          <input
            id={ids.apiKey}
            type="password"
            autoComplete="off"
            value={apiKey}
            placeholder={view.hasApiKey ? 'A key is saved; type to replace it' : preset.needsApiKey ? 'Required' : 'Not needed for local servers'}
            onChange={(event) => setApiKey(event.target.value)}
          />
          <label htmlFor={ids.context}>Context size (tokens)</label>
          <input
            id={ids.context}
            type="number"
            min={512}
            step={512}
            value={draft.contextTokens ?? ''}
            placeholder={`automatic: ${contextTokensFor({ ...draft, contextTokens: null }).toLocaleString()}`}
            onChange={(event) => update({ contextTokens: event.target.value === '' ? null : Number(event.target.value) })}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={() => void test()} disabled={testing}>
          Test connection
        </button>
        {view.hasApiKey && !onDevice && (
          <button
            type="button"
            onClick={() => void sendMessage('saveLlmSettings', { settings: view.settings, apiKey: null }).then(setView)}
          >
            Forget API key
          </button>
        )}
        {unsaved && <span className="badge warning">Unsaved changes</span>}
      </div>
      {status && <p role={status.kind}>{status.message}</p>}
    </form>
  );
}

/**
 * Chrome downloads its on-device model only after a click on a page; this is that click. The page
 * has the Prompt API itself (documents do; the service worker does not).
 */
function BuiltInDownload() {
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function download() {
    const model = findBuiltInLanguageModel();
    if (!model) {
      setMessage('This page cannot reach the on-device model.');
      return;
    }
    setProgress(0);
    try {
      const session = await model.create({
        monitor: (monitor) =>
          monitor.addEventListener('downloadprogress', (event) => setProgress((event as Event & { loaded: number }).loaded)),
      });
      session.destroy();
      setMessage('The on-device model is ready.');
    } catch (error) {
      setMessage(`The download did not finish: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="actions">
      <button type="button" onClick={() => void download()} disabled={progress !== null}>
        Download the on-device model
      </button>
      {progress !== null && <progress aria-label="Model download" max={1} value={progress} />}
      {message && <span role="status">{message}</span>}
    </div>
  );
}
