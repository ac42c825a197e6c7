import { browser } from 'wxt/browser';
import { hostOf } from '@/lib/harvest/host-of';
import { sendMessage } from '@/lib/messaging';
import { sitePermissionPatterns } from '@/lib/sites/site-address';

/** Loopback is granted at install for local model servers; it cannot be (and need not be) given back. */
const GRANTED_AT_INSTALL = new Set(['localhost', '127.0.0.1']);

/**
 * Asks the browser for access to the site, then lets the background register collection there.
 * Must be called first thing in a click: browsers only show the permission prompt for a user gesture.
 */
export async function allowCollectionOn(site: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const granted = await browser.permissions.request({ origins: sitePermissionPatterns(site) });
    if (!granted) return { ok: false, message: `Idiolect was not given access to ${site}, so it will not collect there.` };
    await sendMessage('allowSite', site);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Stops collection on the site and gives the browser's access to it back, unless the model
 * endpoint lives there too (the background still needs to reach it).
 */
export async function stopCollectionOn(site: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await sendMessage('disallowSite', site);
    const { settings } = await sendMessage('getLlmSettings');
    if (!GRANTED_AT_INSTALL.has(site) && site !== hostOf(settings.baseURL)) {
      await browser.permissions.remove({ origins: sitePermissionPatterns(site) });
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
