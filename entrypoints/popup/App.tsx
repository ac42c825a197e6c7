import { GetStarted } from '@/components/GetStarted';
import { CollectOnThisSite } from '@/components/CollectOnThisSite';
import { PauseCollectionSwitch } from '@/components/CollectionSwitches';
import { ProfileSummary } from '@/components/ProfileSummary';
import { RewritePanel } from '@/components/RewritePanel';
import { useActiveProfile } from '@/components/use-active-profile';
import { usePerformanceMark } from '@/components/use-performance-mark';
import { useTargetTab } from '@/components/use-target-tab';

export function App() {
  const view = useActiveProfile();
  const target = useTargetTab();
  usePerformanceMark('idiolect:popup-ready', view !== undefined);
  return (
    <main className="popup">
      <h1>Idiolect</h1>
      <GetStarted where="popup" />
      <CollectOnThisSite site={target?.url.hostname ?? null} />
      <PauseCollectionSwitch />
      {view && <ProfileSummary view={view} />}
      <RewritePanel ready={Boolean(view?.hypothesisSet)} tabId={target?.tabId ?? null} profileId={view?.profile?.id ?? null} />
      <p>
        <a href="/options.html" target="_blank" rel="noreferrer">
          Settings and sites
        </a>
      </p>
    </main>
  );
}
