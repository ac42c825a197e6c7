import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endpointOriginPattern } from '../../lib/llm/endpoint-access';
import { PROVIDER_PRESETS } from '../../lib/llm/presets';
import { siteFromInput, sitePermissionPatterns } from '../../lib/sites/site-address';
import { declaredPatternContaining } from '../support/match-pattern';

/** Why each permission is in the manifest; a permission without a reason here fails the test. */
const WHY: Record<string, string> = {
  storage: 'the popup keeps each tab’s draft and tries in session storage (memory only), so closing and reopening it loses nothing.',
  unlimitedStorage: 'months of writing samples must not be evicted from IndexedDB under storage pressure.',
  scripting: 'the harvesting script is registered at run time, only for the sites the person allowed.',
  contextMenus: '“Add selection to Idiolect” on the page’s context menu.',
  activeTab: 'the popup reads and writes the field being written in on the current tab, after the person opened it.',
  alarms: 'a stopped worker is woken to resume an unfinished learning job.',
  offscreen: 'Chrome offers its on-device model only to documents; an offscreen document hosts it for the worker.',
  'https://api.openai.com/*': 'OpenAI is reached from the worker without a CORS preflight.',
  '*://localhost/*': 'local model servers (Ollama, LM Studio, llama.cpp) listen on loopback and often send no CORS headers.',
  '*://127.0.0.1/*': 'the same local model servers, by address.',
  'https://*/*': 'optional: asked for one site at a time when the person allows it, or for a custom model endpoint.',
  'http://*/*': 'optional: the same for sites and endpoints served over plain http.',
};

const SITES_PEOPLE_TYPE = [
  'mail.google.com',
  'https://mail.google.com/mail/u/0/',
  'http://intranet.example:8080/wiki',
  'bücher.de',
  'localhost:3000',
  'www.reddit.com',
];

function builtManifest(folder: 'chrome-mv3' | 'firefox-mv2'): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../.output/${folder}/manifest.json`, import.meta.url)), 'utf8'));
}

function requestedPatterns(): string[] {
  const sites = SITES_PEOPLE_TYPE.flatMap((typed) => {
    const reading = siteFromInput(typed);
    if (!reading.ok) throw new Error(reading.message);
    return sitePermissionPatterns(reading.site);
  });
  const endpoints = [
    ...PROVIDER_PRESETS.map((preset) => ({ provider: preset.id, baseURL: preset.baseURL, model: 'm' })),
    { provider: 'custom' as const, baseURL: 'https://llm.example.org:8443/v1', model: 'm' },
    { provider: 'custom' as const, baseURL: 'http://gpu-box.local:8080/v1', model: 'm' },
  ].flatMap((settings) => endpointOriginPattern(settings) ?? []);
  return [...sites, ...endpoints];
}

describe.each([
  ['chrome-mv3', 'host_permissions', 'optional_host_permissions'],
  ['firefox-mv2', 'permissions', 'optional_permissions'],
] as const)('the built %s manifest', (folder, hostKey, optionalKey) => {
  const manifest = builtManifest(folder);
  const required = (manifest[hostKey] as string[] | undefined) ?? [];
  const apiPermissions = folder === 'chrome-mv3' ? ((manifest.permissions as string[]) ?? []) : [];
  const optional = (manifest[optionalKey] as string[] | undefined) ?? [];
  const everything = [...apiPermissions, ...required, ...optional];

  it('asks for each permission once, and says why for each', () => {
    expect(new Set(everything).size, everything.join(', ')).toBe(everything.length);
    for (const permission of everything) expect(WHY[permission], `no reason given for ${permission}`).toBeDefined();
  });

  it('lets no web page message the extension or load its files', () => {
    // Without these keys a page has no runtime.sendMessage or connect to Idiolect, and cannot
    // frame or fetch its pages; only its own content scripts (checked by the background) talk to it.
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('has no content script that would ask for hosts at install', () => {
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('declares every host pattern Idiolect ever requests, by Chrome’s containment rule', () => {
    const declared = [...required, ...optional].filter((permission) => permission.includes('://'));
    for (const pattern of requestedPatterns()) {
      expect(declaredPatternContaining(declared, pattern), `${pattern} is not inside any of ${declared.join(', ')}`).toBeDefined();
    }
  });
});
