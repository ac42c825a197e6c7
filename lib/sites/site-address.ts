import { allowedSiteSchema } from '../settings/schema';

export type SiteReading = { ok: true; site: string } | { ok: false; message: string };

const WEB_SCHEME = /^https?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The host a person means by what they typed or pasted: "mail.google.com",
 * "https://mail.google.com/mail/u/0/", "http://intranet.example:8080", "bücher.de". The port is
 * dropped because the browser's match patterns cover every port of a host; an IDN is kept in the
 * punycode form the browser matches against.
 */
export function siteFromInput(input: string): SiteReading {
  const typed = input.trim();
  if (typed === '') return { ok: false, message: 'Enter a site, such as mail.google.com.' };
  if (typed.includes('*')) return { ok: false, message: 'Enter one site without wildcards, such as mail.google.com.' };
  const hasWebScheme = WEB_SCHEME.test(typed);
  // "localhost:3000" parses as a URL with the scheme "localhost:", so only a `//` marks another scheme.
  if (!hasWebScheme && ANY_SCHEME.test(typed) && typed.includes('//')) {
    return { ok: false, message: 'Idiolect collects on web sites only (addresses starting with http:// or https://).' };
  }
  let hostname: string;
  try {
    hostname = new URL(hasWebScheme ? typed : `https://${typed}`).hostname;
  } catch {
    return { ok: false, message: `“${typed}” is not a site address. Enter a host name such as mail.google.com.` };
  }
  const parsed = allowedSiteSchema.safeParse(hostname.replace(/\.$/, ''));
  if (!parsed.success) return { ok: false, message: `“${typed}” is not a site Idiolect can collect on. Enter a host name such as mail.google.com.` };
  return { ok: true, site: parsed.data };
}

/**
 * The host permissions that cover one allowed site. Each must lie inside one pattern the manifest
 * declares (`https://*\/*`, `http://*\/*`): Chrome refuses `*://site/*`, since no single declared
 * pattern contains both schemes.
 */
export function sitePermissionPatterns(site: string): string[] {
  return [`https://${site}/*`, `http://${site}/*`];
}

export function permissionPatternsForSites(sites: readonly string[]): string[] {
  return sites.flatMap(sitePermissionPatterns);
}

/** The hosts whose access was taken back, from the patterns the browser reports as removed. */
export function hostsOfRevokedOrigins(origins: readonly string[]): string[] {
  const hosts = origins.flatMap((origin) => {
    const host = /^[*a-z]+:\/\/([^/:]+)(?::\d+)?\//i.exec(origin)?.[1];
    return host && !host.includes('*') ? [host.toLowerCase()] : [];
  });
  return [...new Set(hosts)];
}
