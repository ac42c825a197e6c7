import type { IdiolectDatabase } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { forgetSiteVoices } from '../db/site-voices';
import { allowedSiteSchema } from '../settings/schema';
import { hostOf } from '../harvest/host-of';
import type { HarvestPolicy } from '../messaging';
import { syncHarvestScript } from './harvest-registration';
import { announceHarvestPolicyChange } from './policy-broadcast';

let applying: Promise<void> = Promise.resolve();

/**
 * While paused, the harvesting script is not injected into new pages, and the pages that already
 * have it are told to stop reading. Runs one at a time, each reading the settings afresh, so two
 * quick changes (or a change racing the worker's start-up) never leave the wrong sites registered.
 */
export function applyCollectionState(db: IdiolectDatabase): Promise<void> {
  const apply = async () => {
    const paused = await readSetting(db, 'collectionPaused');
    await syncHarvestScript(paused ? [] : await readSetting(db, 'allowedSites'));
    await announceHarvestPolicyChange();
  };
  applying = applying.then(apply, apply);
  return applying;
}

export async function harvestPolicyFor(db: IdiolectDatabase, pageUrl: string | undefined): Promise<HarvestPolicy> {
  const host = hostOf(pageUrl);
  const allowed = host !== null && (await readSetting(db, 'allowedSites')).includes(host);
  const paused = await readSetting(db, 'collectionPaused');
  return {
    collecting: allowed && !paused,
    paused: allowed && paused,
    reviewBeforeSaving: await readSetting(db, 'reviewBeforeSaving'),
    showSentTextNotices: await readSetting(db, 'showSentTextNotices'),
  };
}

/** A switch the harvesting scripts in open tabs follow at once. */
export async function setPageSetting(db: IdiolectDatabase, key: 'reviewBeforeSaving' | 'showSentTextNotices', on: boolean): Promise<void> {
  await writeSetting(db, key, on);
  await announceHarvestPolicyChange();
}

export async function setCollectionPaused(db: IdiolectDatabase, paused: boolean): Promise<void> {
  await writeSetting(db, 'collectionPaused', paused);
  await applyCollectionState(db);
}

export async function allowSite(db: IdiolectDatabase, site: string): Promise<string[]> {
  const host = allowedSiteSchema.parse(site);
  const sites = await readSetting(db, 'allowedSites');
  const next = sites.includes(host) ? sites : [...sites, host].sort();
  await writeSetting(db, 'allowedSites', next);
  await applyCollectionState(db);
  return next;
}

export async function disallowSites(db: IdiolectDatabase, removed: readonly string[]): Promise<string[]> {
  const sites = await readSetting(db, 'allowedSites');
  const next = sites.filter((allowed) => !removed.includes(allowed));
  // Access given back after a wipe is reported here too; with nothing to remove, nothing is written.
  if (next.length === sites.length) return sites;
  await writeSetting(db, 'allowedSites', next);
  await forgetSiteVoices(db, removed);
  await applyCollectionState(db);
  return next;
}
