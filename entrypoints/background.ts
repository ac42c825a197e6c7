import {
  allowSite,
  applyCollectionState,
  disallowSites,
  harvestPolicyFor,
  setCollectionPaused,
  setReviewBeforeSaving,
} from '@/lib/background/collection-control';
import { hostsOfRevokedOrigins } from '@/lib/sites/site-address';
import { connectConfiguredLlm, listLlmModels, saveLlmSettings, testLlmConnection, viewLlmSettings } from '@/lib/background/llm-connection';
import { serveRewritePort } from '@/lib/background/rewrite-service';
import { isFromExtensionPage, parseSampleSubmission } from '@/lib/background/message-guards';
import { acceptSubmittedSample } from '@/lib/background/sample-intake';
import { ADD_SELECTION_MENU_ID, addSelectedTextAsSample, createAddSelectionMenu } from '@/lib/background/selection-sample';
import { createWorkerKeepAlive } from '@/lib/background/worker-keep-alive';
import { refreshTodayBadge } from '@/lib/background/today-badge';
import { wipeEverything } from '@/lib/background/wipe';
import { openIdiolectDatabase } from '@/lib/db/database';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { SecretStore } from '@/lib/db/secrets';
import { readStyleFingerprint } from '@/lib/db/style-profiles';
import { writeSetting } from '@/lib/db/settings';
import { queueInferenceIfDue } from '@/lib/inference/inference-jobs';
import { createJobRunner } from '@/lib/inference/job-runner';
import { RESUME_ALARM, setResumeAlarm } from '@/lib/inference/resume-alarm';
import { onMessage } from '@/lib/messaging';
import { REWRITE_PORT_NAME } from '@/lib/rewrite/rewrite-port';

export default defineBackground(() => {
  const db = openIdiolectDatabase();
  const secrets = new SecretStore();
  // Every model call (rewrite, learning, test connection) keeps the worker alive while the model thinks.
  const llmOptions = { keepAlive: createWorkerKeepAlive(() => browser.runtime.getPlatformInfo()) };
  const connectLlm = () => connectConfiguredLlm(db, secrets, llmOptions);
  const jobs = createJobRunner(db, connectLlm, {
    onError: (error) => console.warn('Idiolect: inference failed:', describe(error)),
    // While a job is unfinished, an alarm wakes a stopped worker to resume it.
    onPending: setResumeAlarm,
  });

  async function afterSamplesStored(): Promise<void> {
    void refreshTodayBadge(db);
    const profile = await ensureActiveProfile(db);
    // Creates the stored fingerprint, or rebuilds it after a batch, so the popup need not.
    void readStyleFingerprint(db, profile.id);
    if (await queueInferenceIfDue(db, profile.id)) void jobs.kick();
  }

  /** Messages only the popup and options page may send; content scripts get a refusal. */
  const fromExtensionPage: typeof onMessage = (type, handler) =>
    onMessage(type, (message) => {
      if (!isFromExtensionPage(message.sender.url, browser.runtime.getURL('/'))) throw new Error('Not allowed from a web page.');
      return handler(message);
    });

  // Listeners first: a failure below must never leave the content script's messages unanswered.
  onMessage('submitSample', async ({ data, sender }) => {
    const submission = parseSampleSubmission(data);
    if (!submission) return { status: 'ignored', reason: 'The text could not be read.' };
    const verdict = await acceptSubmittedSample(db, submission, sender.url ?? sender.tab?.url);
    if (verdict.status === 'stored') await afterSamplesStored();
    return verdict;
  });
  onMessage('getHarvestPolicy', ({ sender }) => harvestPolicyFor(db, sender.url ?? sender.tab?.url));
  fromExtensionPage('setCollectionPaused', ({ data }) => setCollectionPaused(db, data));
  fromExtensionPage('setReviewBeforeSaving', ({ data }) => setReviewBeforeSaving(db, data));
  fromExtensionPage('setRedactBeforeStoring', async ({ data }) => {
    await writeSetting(db, 'redactBeforeStoring', data);
  });
  fromExtensionPage('wipeAllData', () => wipeEverything(db, secrets));
  fromExtensionPage('getLlmSettings', () => viewLlmSettings(db, secrets));
  fromExtensionPage('saveLlmSettings', ({ data }) => saveLlmSettings(db, secrets, data));
  fromExtensionPage('testLlmConnection', ({ data }) => testLlmConnection(secrets, data, llmOptions));
  fromExtensionPage('listLlmModels', ({ data }) => listLlmModels(secrets, data));
  fromExtensionPage('allowSite', ({ data }) => allowSite(db, data));
  fromExtensionPage('disallowSite', ({ data }) => disallowSites(db, [data]));
  fromExtensionPage('inferNow', async () => {
    const profile = await ensureActiveProfile(db);
    void readStyleFingerprint(db, profile.id);
    const queued = (await queueInferenceIfDue(db, profile.id, { force: true })) !== null;
    void jobs.kick();
    return { queued };
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void jobs.kick();
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === REWRITE_PORT_NAME && isFromExtensionPage(port.sender?.url, browser.runtime.getURL('/'))) {
      serveRewritePort(port, db, connectLlm);
    }
  });
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void disallowSites(db, hostsOfRevokedOrigins(origins));
  });
  // Chrome keeps menus across worker restarts; Firefox's background page must create them at every start.
  if (import.meta.env.MANIFEST_VERSION === 2) createAddSelectionMenu();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.MANIFEST_VERSION === 3) createAddSelectionMenu();
    // A new user starts where Idiolect is set up: the model, and the sites to learn from.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_SELECTION_MENU_ID) return;
    void addSelectedTextAsSample(db, { text: info.selectionText ?? '', pageUrl: info.pageUrl ?? tab?.url })
      .then((result) => (result === 'stored' ? afterSamplesStored() : undefined))
      .catch((error: unknown) => console.warn('Idiolect: could not add the selected text:', describe(error)));
  });

  void applyCollectionState(db);
  void refreshTodayBadge(db);
  void jobs.kick();
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
