import { onMessage, sendMessage, type HarvestPolicy } from '../messaging';

/**
 * The collection policy for this page, kept current: asked for at start, and again whenever the
 * background announces a change (pause, a site removed). Until the first answer nothing is read.
 */
const SILENT: HarvestPolicy = { collecting: false, paused: false, reviewBeforeSaving: false, showSentTextNotices: false };

export function followHarvestPolicy(): { current(): HarvestPolicy; stop(): void } {
  let policy = SILENT;
  const refresh = () =>
    sendMessage('getHarvestPolicy').then(
      (latest) => {
        policy = latest;
      },
      () => {
        // The extension was reloaded under this page: stay silent until the page reloads.
        policy = SILENT;
      },
    );
  const stopListening = onMessage('harvestPolicyChanged', () => refresh());
  void refresh();
  return { current: () => policy, stop: stopListening };
}
