/**
 * Chrome's match patterns and its containment rule, as `permissions.request` applies it: every
 * requested pattern must lie inside one pattern the manifest declares (URLPattern::Contains in
 * Chromium's extensions/common/url_pattern.cc), otherwise the request fails with "Only
 * permissions specified in the manifest may be requested." Firefox's MatchPattern::Subsumes
 * follows the same rule for the parts used here.
 */
export interface MatchPattern {
  scheme: '*' | 'http' | 'https' | 'ws' | 'wss' | 'file' | 'ftp';
  /** `*` for any host, `*.example.com` for a domain and its subdomains, or one host. */
  host: string;
  path: string;
}

const PATTERN = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*:]+)(?::\d+)?(\/.*)$/;

export function parseMatchPattern(text: string): MatchPattern {
  if (text === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const match = PATTERN.exec(text);
  if (!match) throw new Error(`Not a valid match pattern: ${text}`);
  return { scheme: match[1] as MatchPattern['scheme'], host: match[2]!, path: match[3]! };
}

function schemeContains(outer: MatchPattern['scheme'], inner: MatchPattern['scheme']): boolean {
  // `*` means http or https (and ws/wss), never both of `*` for an inner pattern of a single scheme.
  if (outer === '*') return inner === '*' || inner === 'http' || inner === 'https' || inner === 'ws' || inner === 'wss';
  return outer === inner;
}

function hostContains(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (outer.startsWith('*.')) {
    const domain = outer.slice(2);
    const innerHost = inner.startsWith('*.') ? inner.slice(2) : inner;
    return innerHost === domain || innerHost.endsWith(`.${domain}`);
  }
  return outer === inner;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function pathContains(outer: string, inner: string): boolean {
  return globToRegExp(outer).test(inner);
}

export function patternContains(outerText: string, innerText: string): boolean {
  const outer = parseMatchPattern(outerText);
  const inner = parseMatchPattern(innerText);
  return schemeContains(outer.scheme, inner.scheme) && hostContains(outer.host, inner.host) && pathContains(outer.path, inner.path);
}

/** The declared pattern that contains `requested`, if one does. */
export function declaredPatternContaining(declared: readonly string[], requested: string): string | undefined {
  return declared.find((pattern) => patternContains(pattern, requested));
}
