import type { IdiolectDatabase } from '../db/database';
import { readSetting, writeSetting } from '../db/settings';
import { allowedSiteSchema } from '../settings/schema';
import { syncHarvestScript } from './harvest-registration';

export async function allowSite(db: IdiolectDatabase, site: string): Promise<string[]> {
  const host = allowedSiteSchema.parse(site);
  const sites = await readSetting(db, 'allowedSites');
  const next = sites.includes(host) ? sites : [...sites, host].sort();
  await writeSetting(db, 'allowedSites', next);
  await syncHarvestScript(next);
  return next;
}

export async function disallowSite(db: IdiolectDatabase, site: string): Promise<string[]> {
  const next = (await readSetting(db, 'allowedSites')).filter((allowed) => allowed !== site);
  await writeSetting(db, 'allowedSites', next);
  await syncHarvestScript(next);
  return next;
}
