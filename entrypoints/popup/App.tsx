import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { RewritePanel } from '@/components/RewritePanel';
import { usePerformanceMark } from '@/components/use-performance-mark';
import { VoicePicker, type VoiceChoice } from '@/components/VoicePicker';
import type { FirstScreen } from '@/lib/popup/first-screen';
import { chosenVoice } from '@/lib/popup/voices';

// What the first screen does not show until asked, or shows below its content, loads after it.
const SiteControls = lazy(() => import('@/components/PopupSiteControls'));
const GetStarted = lazy(() => import('@/components/GetStarted').then((module) => ({ default: module.GetStarted })));

/** The first screen's reads: `read` when they were in before the first draw, else once they are (null until then). */
function useFirstScreen(reading: Promise<FirstScreen>, read: FirstScreen | null): FirstScreen | null {
  const [arrived, setArrived] = useState(read);
  useEffect(() => {
    if (read) return;
    let live = true;
    void reading.then((value) => live && setArrived(value));
    return () => {
      live = false;
    };
  }, [reading, read]);
  return arrived;
}

export function App({ reading, read }: { reading: Promise<FirstScreen>; read: FirstScreen | null }) {
  const first = useFirstScreen(reading, read);
  const [picked, setPicked] = useState<string | null>(null);
  const [reported, setReported] = useState<VoiceChoice | null>(null);
  const onVoice = useCallback((next: VoiceChoice) => setReported(next), []);
  // Until the picker reports (after it is drawn), the voice is the one read for the first screen.
  const voice = reported ?? (first?.voices ? { profileId: chosenVoice(first.voices, null), ready: Boolean(first.view?.hypothesisSet) } : null);
  // Marked when the screen holds what a person came for: the voice, whether Rewrite can be used, and the draft to work on.
  usePerformanceMark('idiolect:popup-ready', first !== null);
  const host = first?.target?.url.hostname ?? null;
  return (
    <main className="popup">
      <Suspense fallback={null}>
        <GetStarted where="popup" />
      </Suspense>
      <header className="popup-header">
        <h1>Idiolect</h1>
        {first && <VoicePicker host={host} initial={first} picked={picked} onPick={setPicked} onVoice={onVoice} />}
      </header>
      <RewritePanel ready={voice?.ready} tabId={first?.target?.tabId ?? null} profileId={voice?.profileId ?? null} startsFrom={first?.draft} />
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
