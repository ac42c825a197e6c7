import { browser, type Browser } from 'wxt/browser';
import { bridgedLanguageModel, BUILT_IN_PORT_NAME, type BridgePort } from './builtin-bridge';
import { findBuiltInLanguageModel, type BuiltInLanguageModel } from './chrome-builtin';

/** The extension page that hosts Chrome's on-device model for the service worker. */
export const OFFSCREEN_DOCUMENT = 'offscreen.html';

type OffscreenApi = typeof browser.offscreen;

function offscreenApi(): OffscreenApi | undefined {
  return (browser as { offscreen?: OffscreenApi }).offscreen;
}

let creating: Promise<void> | null = null;

/** Opens the hidden document once; later calls find it open. */
async function ensureOffscreenDocument(offscreen: OffscreenApi): Promise<void> {
  const url = browser.runtime.getURL(`/${OFFSCREEN_DOCUMENT}` as '/offscreen.html');
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
  if (open.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_DOCUMENT,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Runs the browser’s on-device language model, which Chrome offers to documents but not to the service worker.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

async function connectToOffscreenModel(offscreen: OffscreenApi): Promise<BridgePort> {
  await ensureOffscreenDocument(offscreen);
  return browser.runtime.connect({ name: BUILT_IN_PORT_NAME });
}

/**
 * The on-device model as the service worker can use it: the global one if this context has it,
 * else the one in the offscreen document; null where neither can exist (no offscreen API).
 */
export function serviceWorkerLanguageModel(): BuiltInLanguageModel | null {
  const direct = findBuiltInLanguageModel();
  if (direct) return direct;
  const offscreen = offscreenApi();
  return offscreen ? bridgedLanguageModel(() => connectToOffscreenModel(offscreen)) : null;
}
