import { LlmSettingsForm } from '../LlmSettingsForm';

/** The one endpoint Idiolect talks to. */
export function ModelSection() {
  return (
    <div className="surface stack">
      <p className="muted">Idiolect talks only to the endpoint you choose here. Your profile never leaves this browser.</p>
      <LlmSettingsForm />
    </div>
  );
}
