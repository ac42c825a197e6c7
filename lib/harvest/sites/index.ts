import type { SiteAdapter } from '../site-adapter';
import { genericSite } from './generic';

/** Site-specific adapters first; the generic one catches every other allowed site. */
const SITES: readonly SiteAdapter[] = [genericSite];

export function siteAdapterFor(url: URL): SiteAdapter {
  return SITES.find((site) => site.appliesTo(url)) ?? genericSite;
}
