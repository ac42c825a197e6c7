import { CollectOnThisSite } from '@/components/CollectOnThisSite';
import { PauseCollectionSwitch } from '@/components/CollectionSwitches';
import { ProfileSummary } from '@/components/ProfileSummary';
import { RewritePanel } from '@/components/RewritePanel';
import { useActiveProfile } from '@/components/use-active-profile';

export function App() {
  const view = useActiveProfile();
  return (
    <main className="popup">
      <h1>Idiolect</h1>
      <CollectOnThisSite />
      <PauseCollectionSwitch />
      {view && <ProfileSummary view={view} />}
      <RewritePanel ready={Boolean(view?.hypothesisSet)} />
      <p>
        <a href="/options.html" target="_blank" rel="noreferrer">
          Settings and sites
        </a>
      </p>
    </main>
  );
}
