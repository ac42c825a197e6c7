import { ImportWritingPanel } from '../ImportWritingPanel';
import { SampleBrowser } from '../samples/SampleBrowser';
import { useActiveVoice } from '../use-active-profile';

/** The texts Idiolect learns from: find, read, keep out, delete, move, add. */
export function SamplesSection() {
  const voice = useActiveVoice();
  return (
    <div className="stack">
      <section aria-label="Writing samples" className="surface">
        {voice?.profile ? <SampleBrowser profileId={voice.profile.id} /> : voice && <p className="muted">No samples yet. Texts you send on allowed sites, and texts you add below, appear here.</p>}
      </section>
      <section className="surface">
        <ImportWritingPanel />
      </section>
    </div>
  );
}
