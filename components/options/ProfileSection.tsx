import { useLiveQuery } from 'dexie-react-hooks';
import { openIdiolectDatabase } from '@/lib/db/database';
import { hypothesisSetsOf } from '@/lib/db/hypothesis-sets';
import { AboutYouEditor } from '../AboutYouEditor';
import { HypothesisEditor } from '../HypothesisEditor';
import { ActiveLearningProgress } from '../LearningProgress';
import { ProfileHistory } from '../ProfileHistory';
import { ProfileManager } from '../ProfileManager';
import { RewriteFeedbackList } from '../RewriteFeedbackList';
import { useActiveVoice } from '../use-active-profile';
import './profile-section.css';

/** Who Idiolect thinks the person is as a writer, per voice: what it learned, about them, and how it changed. */
export function ProfileSection() {
  const view = useActiveVoice();
  const profileId = view?.profile?.id;
  const versions = useLiveQuery(() => (profileId ? hypothesisSetsOf(openIdiolectDatabase(), profileId) : []), [profileId]);
  const set = view?.hypothesisSet;
  return (
    <div className="stack">
      <div className="surface">
        <ProfileManager />
      </div>
      {view?.profile && (
        <>
          <section aria-labelledby="hypotheses-heading" className="surface stack">
            <h3 id="hypotheses-heading">How you write, according to Idiolect</h3>
            <ActiveLearningProgress />
            {set ? <HypothesisEditor set={set} /> : <p>Nothing learned yet for this profile.</p>}
          </section>
          {set && (
            <section aria-labelledby="about-you-heading" className="surface stack">
              <h3 id="about-you-heading">About you</h3>
              <AboutYouEditor key={set.id} set={set} />
            </section>
          )}
          {versions && versions.length > 0 && (
            <section aria-labelledby="history-heading" className="surface stack">
              <h3 id="history-heading">History</h3>
              <ProfileHistory key={profileId} versions={versions} />
            </section>
          )}
          <div className="surface">
            <RewriteFeedbackList profileId={view.profile.id} />
          </div>
        </>
      )}
    </div>
  );
}
