import { addSelectionAsSample, backgroundCommands } from '@/lib/background/background-commands';
import { applyCollectionState, disallowSites } from '@/lib/background/collection-control';
import { connectConfiguredLlm } from '@/lib/background/llm-connection';
import { serveRewritePort } from '@/lib/background/rewrite-service';
import { createRewriteInPlaceMenu, openRewriteCardIn, REWRITE_IN_PLACE_MENU_ID } from '@/lib/background/rewrite-in-place';
import { REWRITE_IN_PLACE_COMMAND } from '@/lib/shortcuts/keyboard-shortcuts';
import { ADD_SELECTION_MENU_ID, createAddSelectionMenu } from '@/lib/background/selection-sample';
import { refreshTodayBadge } from '@/lib/background/today-badge';
import { createWorkerKeepAlive } from '@/lib/background/worker-keep-alive';
import { openIdiolectDatabase } from '@/lib/db/database';
import { SecretStore } from '@/lib/db/secrets';
import { createJobRunner } from '@/lib/inference/job-runner';
import { RESUME_ALARM, setResumeAlarm } from '@/lib/inference/resume-alarm';
import { acceptedPort } from '@/lib/protocol/ports';
import { forgetTabDraft } from '@/lib/rewrite/tab-drafts';
import { serveMessages } from '@/lib/protocol/serve-messages';
import { samplesChangedStep } from '@/lib/samples/samples-changed';
import { hostsOfRevokedOrigins } from '@/lib/sites/site-address';

export default defineBackground(() => {
  const db = openIdiolectDatabase();
  const secrets = new SecretStore();
  const extensionOrigin = browser.runtime.getURL('/');
  // Every model call (rewrite, learning, test connection) keeps the worker alive while the model thinks.
  const llmOptions = { keepAlive: createWorkerKeepAlive(() => browser.runtime.getPlatformInfo()) };
  const connectLlm = () => connectConfiguredLlm(db, secrets, llmOptions);
  const jobs = createJobRunner(db, connectLlm, {
    onError: (error) => console.warn('Idiolect: inference failed:', describe(error)),
    // While a job is unfinished, an alarm wakes a stopped worker to resume it.
    onPending: setResumeAlarm,
  });
  const startLearning = () => void jobs.kick();
  const samplesChanged = samplesChangedStep(db, { refreshBadge: () => refreshTodayBadge(db), startLearning });

  // Listeners first: a failure below must never leave the content script's messages unanswered.
  const services = { db, secrets, llmOptions, samplesChanged, startLearning };
  serveMessages(backgroundCommands(services), extensionOrigin);
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) startLearning();
  });
  browser.runtime.onConnect.addListener((port) => {
    const accepted = acceptedPort(port, extensionOrigin);
    if (accepted === 'rewrite' || accepted === 'inPageRewrite') serveRewritePort(port, db, connectLlm);
  });
  // The popup keeps each tab's draft and tries while the tab is open, no longer.
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabDraft(tabId));
  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    void disallowSites(db, hostsOfRevokedOrigins(origins));
  });
  // Chrome keeps menus across worker restarts; Firefox's background page must create them at every start.
  const createMenus = () => {
    createAddSelectionMenu();
    createRewriteInPlaceMenu();
  };
  if (import.meta.env.MANIFEST_VERSION === 2) createMenus();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (import.meta.env.MANIFEST_VERSION === 3) createMenus();
    // A new user starts where Idiolect is set up: the model, and the sites to learn from.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  const openCard = (tabId: number | undefined, frameId?: number) => {
    if (tabId !== undefined) void openRewriteCardIn(tabId, frameId).catch((error: unknown) => console.warn('Idiolect: could not open the rewrite card:', describe(error)));
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === REWRITE_IN_PLACE_COMMAND) openCard(tab?.id);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === REWRITE_IN_PLACE_MENU_ID) openCard(tab?.id, info.frameId);
    if (info.menuItemId !== ADD_SELECTION_MENU_ID) return;
    void addSelectionAsSample(services, { text: info.selectionText ?? '', pageUrl: info.pageUrl ?? tab?.url }).catch((error: unknown) => console.warn('Idiolect: could not add the selected text:', describe(error)));
  });

  void applyCollectionState(db);
  void refreshTodayBadge(db);
  startLearning();
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
