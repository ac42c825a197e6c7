import { useEffect, useId, useState } from 'react';
import { PROVIDER_PRESETS, presetFor } from '@/lib/llm/presets';
import { sendMessage, type LlmSettingsView } from '@/lib/messaging';
import { llmSettingsSchema, providerIdSchema, type LlmSettings } from '@/lib/settings/schema';

export function LlmSettingsForm() {
  const [view, setView] = useState<LlmSettingsView | null>(null);
  const [draft, setDraft] = useState<LlmSettings | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; message: string } | null>(null);
  const ids = { provider: useId(), baseURL: useId(), model: useId(), apiKey: useId() };

  useEffect(() => {
    void sendMessage('getLlmSettings').then((loaded) => {
      setView(loaded);
      setDraft(loaded.settings);
    });
  }, []);

  if (!draft || !view) return <p>Loading settings…</p>;
  const update = (patch: Partial<LlmSettings>) => setDraft({ ...draft, ...patch });

  async function save() {
    const parsed = llmSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setStatus({ kind: 'error', message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      return;
    }
    try {
      const saved = await sendMessage('saveLlmSettings', { settings: parsed.data, ...(apiKey ? { apiKey } : {}) });
      setView(saved);
      setApiKey('');
      setStatus({ kind: 'saved', message: 'Saved.' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form
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
        onChange={(event) => {
          const preset = presetFor(providerIdSchema.parse(event.target.value));
          update({ provider: preset.id, baseURL: preset.baseURL || draft.baseURL, model: preset.exampleModel || draft.model });
        }}
      >
        {PROVIDER_PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.baseURL}>Base URL</label>
      <input id={ids.baseURL} type="url" value={draft.baseURL} onChange={(event) => update({ baseURL: event.target.value })} />
      <label htmlFor={ids.model}>Model</label>
      <input id={ids.model} type="text" value={draft.model} onChange={(event) => update({ model: event.target.value })} />
      <label htmlFor={ids.apiKey}>API key</label>
      <input
        id={ids.apiKey}
        type="password"
        autoComplete="off"
        value={apiKey}
        placeholder={view.hasApiKey ? 'A key is saved; type to replace it' : 'Not needed for local servers'}
        onChange={(event) => setApiKey(event.target.value)}
      />
      <div className="actions">
        <button type="submit">Save</button>
        {view.hasApiKey && (
          <button
            type="button"
            onClick={() => void sendMessage('saveLlmSettings', { settings: view.settings, apiKey: null }).then(setView)}
          >
            Forget API key
          </button>
        )}
      </div>
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.message}</p>}
    </form>
  );
}
