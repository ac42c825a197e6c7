import type { IdiolectDatabase } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { allowedSiteSchema } from '../settings/schema';
import { syncHarvestScript } from './harvest-registration';

/** While paused, the harvesting script is not even injected, so nothing on any page is read. */
export async function applyCollectionState(db: IdiolectDatabase): Promise<void> {
  const paused = await readSetting(db, 'collectionPaused');
  await syncHarvestScript(paused ? [] : await readSetting(db, 'allowedSites'));
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
  const next = (await readSetting(db, 'allowedSites')).filter((allowed) => !removed.includes(allowed));
  await writeSetting(db, 'allowedSites', next);
  await applyCollectionState(db);
  return next;
}

/** A host the user revoked in the browser's own extension settings is no longer allowed here either. */
export function hostsOfRevokedOrigins(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => {
    const host = /^[*a-z]+:\/\/([^/]+)\//i.exec(origin)?.[1];
    return host && !host.includes('*') ? [host.toLowerCase()] : [];
  });
}
