import { browser } from 'wxt/browser';
import { permissionPatternsForSites } from '../sites/site-address';

export const HARVEST_SCRIPT_ID = 'idiolect-harvest';
export const HARVEST_SCRIPT_FILE = 'content-scripts/content.js';

/** Keeps the one dynamically registered harvesting script in step with the sites the user allowed. */
export async function syncHarvestScript(sites: readonly string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [HARVEST_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [HARVEST_SCRIPT_ID] });
  if (sites.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: HARVEST_SCRIPT_ID,
      js: [HARVEST_SCRIPT_FILE],
      matches: permissionPatternsForSites(sites),
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
