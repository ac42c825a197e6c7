import { lazy, Suspense, useCallback, useState } from 'react';
import { RewritePanel } from '@/components/RewritePanel';
import { usePerformanceMark } from '@/components/use-performance-mark';
import { useTargetTab } from '@/components/use-target-tab';
import type { VoiceChoice } from '@/components/VoicePicker';

// Everything that reads the database loads after the shell and the draft are on screen.
const VoicePicker = lazy(() => import('@/components/VoicePicker'));
const SiteControls = lazy(() => import('@/components/PopupSiteControls'));
const GetStarted = lazy(() => import('@/components/GetStarted').then((module) => ({ default: module.GetStarted })));

export function App() {
  const target = useTargetTab();
  const [picked, setPicked] = useState<string | null>(null);
  const [voice, setVoice] = useState<VoiceChoice | null>(null);
  const onVoice = useCallback((next: VoiceChoice) => setVoice(next), []);
  // The first render is the one that counts: the shell and the draft, before any stored data.
  usePerformanceMark('idiolect:popup-ready', true);
  const host = target?.url.hostname ?? null;
  return (
    <main className="popup">
      <Suspense fallback={null}>
        <GetStarted where="popup" />
      </Suspense>
      <header className="popup-header">
        <h1>Idiolect</h1>
        <Suspense fallback={null}>
          <VoicePicker host={host} picked={picked} onPick={setPicked} onVoice={onVoice} />
        </Suspense>
      </header>
      <RewritePanel ready={voice?.ready} tabId={target?.tabId ?? null} profileId={voice?.profileId ?? null} />
      <footer className="popup-footer">
        <Suspense fallback={null}>
          <SiteControls site={host} />
        </Suspense>
        <a href="/options.html" target="_blank" rel="noreferrer">
          Settings and sites
        </a>
      </footer>
    </main>
  );
}
