import { HypothesisEditor } from '../HypothesisEditor';
import { ProfileManager } from '../ProfileManager';
import { useActiveVoice } from '../use-active-profile';

/** Who Idiolect thinks the person is as a writer, per voice. */
export function ProfileSection() {
  const view = useActiveVoice();
  return (
    <div className="stack">
      <div className="surface">
        <ProfileManager />
      </div>
      {view?.profile && (
        <section aria-labelledby="hypotheses-heading" className="surface stack">
          <h3 id="hypotheses-heading">How you write, according to Idiolect</h3>
          {view.hypothesisSet ? <HypothesisEditor set={view.hypothesisSet} /> : <p>Nothing learned yet for this profile.</p>}
        </section>
      )}
    </div>
  );
}
