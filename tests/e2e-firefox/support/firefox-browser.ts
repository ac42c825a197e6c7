import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marionette } from './marionette';
import { FirefoxTab, pollUntil, TabSwitcher } from './firefox-tab';

export const FIREFOX_PATH = process.env.IDIOLECT_FIREFOX ?? '/usr/bin/firefox-esr';
export const BUILT_FIREFOX_EXTENSION = process.env.IDIOLECT_FIREFOX_EXTENSION_DIR ?? fileURLToPath(new URL('../../../.output/firefox-mv2', import.meta.url));
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'idiolect@idiolect.invalid';

/**
 * Preferences of the throwaway profile. Everything that would reach past loopback is off
 * (telemetry, updates, captive-portal and connectivity checks, safe browsing, remote settings,
 * add-on discovery, prefetching, push, sync); unsigned add-ons may be installed (temporary); the
 * extension's moz-extension:// origin is fixed; downloads land in `downloadDir` without asking.
 */
function profilePreferences(extensionUuid: string, downloadDir: string): Record<string, string | number | boolean> {
  return {
    'marionette.port': 0,
    // Test host names that Firefox resolves to loopback itself, so pages can live on hosts that are not loopback.
    'network.dns.localDomains': TEST_HOSTS.join(','),
    'dom.security.https_first': false,
    'xpinstall.signatures.required': false,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.webservice.discoverURL': 'http://127.0.0.1:9/',
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'http://127.0.0.1:9/',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.search.update': false,
    'browser.search.suggest.enabled': false,
    'browser.urlbar.suggest.searches': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.contentblocking.report.lockwise.enabled': false,
    'browser.discovery.enabled': false,
    'browser.topsites.contile.enabled': false,
    // Release builds ignore any other override; with MOZ_DISABLE_NONLOCAL_CONNECTIONS this one turns remote settings off.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'services.sync.enabled': false,
    'identity.fxaccounts.enabled': false,
    'dom.push.enabled': false,
    'dom.push.serverURL': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.trr.mode': 5,
    'captivedetect.canonicalURL': '',
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'geo.provider.network.url': '',
    'privacy.trackingprotection.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'general.useragent.updates.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'browser.download.dir': downloadDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.panel.shown': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.tabs.warnOnClose': false,
    'browser.warnOnQuit': false,
    'focusmanager.testmode': true,
  };
}

/** Host names Firefox resolves to this machine (network.dns.localDomains). */
export const TEST_HOSTS = ['mail.example.test', 'blog.example.test'] as const;

export interface PermissionPrompt {
  /** What the doorhanger says, e.g. "Idiolect requests additional settings … mail.example.test …". */
  text: string;
}

export interface FirefoxWithExtension {
  /** `moz-extension://<uuid>`, fixed by the profile's `extensions.webextensions.uuids`. */
  extensionOrigin: string;
  /** Where the browser saves downloads. */
  downloadDir: string;
  /** A new tab at one of the extension's pages (Marionette may navigate there; BiDi may not). */
  openExtensionPage(file: 'popup.html' | 'options.html'): Promise<FirefoxTab>;
  /** A new tab at a web page. */
  openPage(url: string): Promise<FirefoxTab>;
  /** The popup as it opens over `page`: in a tab of its own, told which tab it works on (`?tab=`). */
  openPopupOver(page: FirefoxTab): Promise<FirefoxTab>;
  /**
   * Answers the permission prompt Firefox shows for the extension (its doorhanger in the browser's
   * own window) with a click on Allow or Deny, as a person does, and says what it asked.
   */
  answerPermissionPrompt(answer: 'Allow' | 'Deny'): Promise<PermissionPrompt>;
  /** The files the browser finished downloading so far. */
  downloads(): Promise<string[]>;
  close(): Promise<void>;
}

async function readMarionettePort(profileDir: string, firefox: ChildProcess, log: () => string): Promise<number> {
  return pollUntil(
    async () => {
      if (firefox.exitCode !== null) throw new Error(`Firefox exited (${firefox.exitCode}) before Marionette listened:\n${log()}`);
      return Number(await readFile(path.join(profileDir, 'MarionetteActivePort'), 'utf8').catch(() => '0'));
    },
    (port) => port > 0,
    'Marionette to listen',
    30_000,
  );
}

/**
 * Debian's Firefox ESR, headless, in a throwaway profile, remote-controlled over Marionette, with
 * the built Firefox extension installed as a temporary add-on (unsigned, as from about:debugging).
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const root = await mkdtemp(path.join(tmpdir(), 'idiolect-firefox-'));
  const profileDir = path.join(root, 'profile');
  const downloadDir = path.join(root, 'downloads');
  await mkdir(profileDir);
  await mkdir(downloadDir);
  const uuid = randomUUID();
  const prefs = profilePreferences(uuid, downloadDir);
  await writeFile(path.join(profileDir, 'user.js'), Object.entries(prefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});\n`).join(''));

  const firefox = spawn(
    FIREFOX_PATH,
    // --remote-allow-system-access lets Marionette navigate a tab to moz-extension:// pages.
    ['--headless', '--marionette', '--remote-allow-system-access', '--no-remote', '--new-instance', '--profile', profileDir, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // MOZ_DISABLE_NONLOCAL_CONNECTIONS: Firefox's own test switch, it refuses every connection
      // that is not to this machine, whatever a component (remote settings, telemetry) wants.
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    },
  );
  let log = '';
  firefox.stderr!.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-8000)));
  const exited = new Promise<void>((resolve) => firefox.once('exit', () => resolve()));

  let marionette: Marionette | null = null;
  try {
    marionette = await Marionette.connect(await readMarionettePort(profileDir, firefox, () => log));
    await marionette.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
    await marionette.send('Addon:Install', { path: BUILT_FIREFOX_EXTENSION, temporary: true });
  } catch (error) {
    marionette?.close();
    firefox.kill('SIGKILL');
    await exited;
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const client = marionette;
  const tabs = new TabSwitcher(client);
  const extensionOrigin = `moz-extension://${uuid}`;

  async function newTab(url: string): Promise<FirefoxTab> {
    const { handle } = await client.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus: true });
    const tab = new FirefoxTab(tabs, handle);
    await tab.goto(url);
    return tab;
  }

  return {
    extensionOrigin,
    downloadDir,
    openExtensionPage: (file) => newTab(`${extensionOrigin}/${file}`),
    openPage: newTab,
    async openPopupOver(page) {
      const pageUrl = await page.url();
      // Any extension page may ask the tabs API which tab that is; the options page is at hand.
      const helper = await newTab(`${extensionOrigin}/popup.html`);
      const tabId = await helper.evaluate(
        (url: string) =>
          (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser.tabs
            .query({})
            .then((all) => all.find((tab) => tab.url === url)?.id ?? null),
        pageUrl,
      );
      if (tabId === null) throw new Error(`No tab shows ${pageUrl}`);
      await helper.goto(`${extensionOrigin}/popup.html?tab=${tabId}`);
      return helper;
    },
    async answerPermissionPrompt(answer) {
      const notification = '#addon-webext-permissions-notification';
      await client.send('Marionette:SetContext', { value: 'chrome' });
      try {
        const text = await pollUntil(
          async () =>
            (
              await client.send<{ value: string | null }>('WebDriver:ExecuteScript', {
                script: `const n = document.querySelector(arguments[0]);
                  return n && !n.hidden && document.getElementById('notification-popup')?.state === 'open' ? n.textContent.replace(/\\s+/g, ' ').trim() : null;`,
                args: [notification],
              })
            ).value,
          (shown): shown is string => shown !== null,
          'Firefox to ask for the permission',
        );
        // Marionette cannot aim a mouse at a panel (it is a popup of its own, "could not be scrolled
        // into view"); pressing the button itself is what Firefox's own browser tests do.
        const button = answer === 'Allow' ? '.popup-notification-primary-button' : '.popup-notification-secondary-button';
        await client.send('WebDriver:ExecuteScript', {
          script: `const button = document.querySelector(arguments[0]); if (button.label !== arguments[1]) throw new Error('The button says ' + button.label); button.click();`,
          args: [`${notification} ${button}`, answer],
        });
        return { text: text! };
      } finally {
        await client.send('Marionette:SetContext', { value: 'content' });
      }
    },
    async downloads() {
      const names = await readdir(downloadDir);
      return names.filter((name) => !name.endsWith('.part')).map((name) => path.join(downloadDir, name));
    },
    async close() {
      await client.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
      client.close();
      const timer = setTimeout(() => firefox.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Every record of one object store of the extension's database, read from an extension page as the extension itself can. */
export function readStore<T>(extensionPage: FirefoxTab, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('idiolect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(JSON.parse(JSON.stringify(request.result)) as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}

export async function readStoredSampleTexts(extensionPage: FirefoxTab): Promise<string[]> {
  return (await readStore<{ text: string }>(extensionPage, 'samples')).map((sample) => sample.text).sort();
}

export async function readStoredSetting(extensionPage: FirefoxTab, key: string): Promise<unknown> {
  const rows = await readStore<{ key: string; value: unknown }>(extensionPage, 'settings');
  return rows.find((row) => row.key === key)?.value;
}
