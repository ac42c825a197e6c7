import { ImportWritingPanel } from '../ImportWritingPanel';
import { SampleBrowser } from '../SampleBrowser';
import { useActiveProfile } from '../use-active-profile';

/** The texts Idiolect learns from: read, keep out, delete, add. */
export function SamplesSection() {
  const view = useActiveProfile();
  return (
    <div className="stack">
      {view?.profile && (
        <section className="surface">
          <SampleBrowser profileId={view.profile.id} />
        </section>
      )}
      <section className="surface">
        <ImportWritingPanel />
      </section>
    </div>
  );
}
