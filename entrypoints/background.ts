import { allowSite, disallowSite } from '@/lib/background/allowed-sites';
import { syncHarvestScript } from '@/lib/background/harvest-registration';
import { connectConfiguredLlm, saveLlmSettings, viewLlmSettings } from '@/lib/background/llm-connection';
import { serveRewritePort } from '@/lib/background/rewrite-service';
import { acceptSubmittedSample } from '@/lib/background/sample-intake';
import { openIdiolectDatabase } from '@/lib/db/database';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { SecretStore } from '@/lib/db/secrets';
import { readSetting } from '@/lib/db/settings';
import { queueInferenceIfDue } from '@/lib/inference/inference-jobs';
import { createJobRunner } from '@/lib/inference/job-runner';
import { onMessage } from '@/lib/messaging';
import { REWRITE_PORT_NAME } from '@/lib/rewrite/rewrite-port';

export default defineBackground(() => {
  const db = openIdiolectDatabase();
  const secrets = new SecretStore();
  const connectLlm = () => connectConfiguredLlm(db, secrets);
  const jobs = createJobRunner(db, connectLlm, (error) => console.warn('Idiolect: inference failed:', describe(error)));

  // Listeners first: a failure below must never leave the content script's messages unanswered.
  onMessage('submitSample', async ({ data, sender }) => {
    const verdict = await acceptSubmittedSample(db, data, sender.url ?? sender.tab?.url);
    if (verdict.status === 'stored') {
      const profile = await ensureActiveProfile(db);
      if (await queueInferenceIfDue(db, profile.id)) void jobs.kick();
    }
    return verdict;
  });
  onMessage('getLlmSettings', () => viewLlmSettings(db, secrets));
  onMessage('saveLlmSettings', ({ data }) => saveLlmSettings(db, secrets, data));
  onMessage('allowSite', ({ data }) => allowSite(db, data));
  onMessage('disallowSite', ({ data }) => disallowSite(db, data));
  onMessage('inferNow', async () => {
    const profile = await ensureActiveProfile(db);
    const queued = (await queueInferenceIfDue(db, profile.id)) !== null;
    void jobs.kick();
    return { queued };
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === REWRITE_PORT_NAME) serveRewritePort(port, db, connectLlm);
  });

  void readSetting(db, 'allowedSites').then(syncHarvestScript);
  void jobs.kick();
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
