import { HypothesisEditor } from './HypothesisEditor';
import { SampleBrowser } from './SampleBrowser';
import { useActiveProfile } from './use-active-profile';

/** What Idiolect has learned for the active profile, and the samples it learned from. */
export function ActiveProfileDetails() {
  const view = useActiveProfile();
  if (!view?.profile) return null;
  return (
    <>
      <h3>How you write, according to Idiolect</h3>
      {view.hypothesisSet ? <HypothesisEditor set={view.hypothesisSet} /> : <p>Nothing learned yet for this profile.</p>}
      <h3>Samples</h3>
      <SampleBrowser profileId={view.profile.id} />
    </>
  );
}
