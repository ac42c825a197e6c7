import { browser } from 'wxt/browser';
import { clearEveryTable } from '../db/clear-everything';
import type { IdiolectDatabase } from '../db/database';
import type { SecretStore } from '../db/secrets';
import { forgetEveryTabDraft } from '../rewrite/tab-drafts';
import { applyCollectionState } from './collection-control';
import { stopRewritesInFlight } from './rewrite-service';
import { refreshTodayBadge } from './today-badge';

/**
 * "Delete all my data": every table (profiles, samples, hypotheses, fingerprints, jobs, settings
 * and allowed sites), the API key, the popup's drafts and tries, the harvesting script's registration, the wake-up alarms, and
 * the browser's access to every site the person granted. Rewrites under way are stopped first,
 * so none writes after the wipe. A learning job under way finds its job gone and stores nothing.
 */
export async function wipeEverything(db: IdiolectDatabase, secrets: SecretStore): Promise<void> {
  stopRewritesInFlight('Your data was deleted, so this rewrite was stopped.');
  await clearEveryTable(db);
  await secrets.forgetAllKeys();
  await forgetEveryTabDraft();
  await applyCollectionState(db);
  await giveBackGrantedSites();
  await browser.alarms?.clearAll();
  await refreshTodayBadge(db);
}

/** Host access granted after install (sites, a custom endpoint); what the manifest grants cannot be removed. */
async function giveBackGrantedSites(): Promise<void> {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  const declared = new Set([...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])]);
  const { origins = [] } = await browser.permissions.getAll();
  const granted = origins.filter((origin) => !declared.has(origin));
  if (granted.length > 0) await browser.permissions.remove({ origins: granted });
}
