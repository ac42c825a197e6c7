import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { freshDatabase } from '../../tests/support/fresh-database';
import { seedLearnedProfile } from '../../tests/support/profile-fixtures';
import type { IdiolectDatabase } from '../db/database';
import { addSample } from '../db/sample-writes';
import { SecretStore } from '../db/secrets';
import { queueInferenceIfDue } from '../inference/inference-jobs';
import { createJobRunner } from '../inference/job-runner';
import { exportProfiles } from '../profile-transfer/export-profiles';
import { connectConfiguredLlm, saveLlmSettings, viewLlmSettings } from './llm-connection';

/*
 * The API key lives in its own database that only the background reads. It must not reach
 * anything a page, a file or a log can see: the profile store, the extension's chrome.storage,
 * what the options page is sent, an export, a job's error the popup shows, or the console.
 */

const KEY = 'sk-proj-Very5ecretKeyThatMustNeverLeak0123456789';
const TEXT = 'Quick update: the invoice went out this morning, ping me if the client asks about the totals. Thanks, J';

let server: FakeOpenAI;
let db: IdiolectDatabase;
let secrets: SecretStore;
beforeAll(async () => {
  // Accepts another key, so the saved one is refused and the server's error names it.
  server = await startFakeOpenAI({ apiKey: 'sk-the-right-one' });
});
beforeEach(async () => {
  server.reset();
  db = freshDatabase();
  secrets = new SecretStore(`secrets-${crypto.randomUUID()}`);
  await saveLlmSettings(db, secrets, { settings: { provider: 'custom', baseURL: server.baseURL, model: 'fake-model' }, apiKey: KEY }, { builtIn: null });
});
afterAll(() => server.close());

async function everythingInTheProfileStore(): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return JSON.stringify(tables);
}

async function everythingInChromeStorage(): Promise<string> {
  const areas = await Promise.all([browser.storage.local.get(null), browser.storage.sync.get(null), browser.storage.session.get(null)]);
  return JSON.stringify(areas);
}

/** Runs a learning job that the endpoint refuses, whose error body quotes the key sent. */
async function learnWithTheRefusedKey() {
  const { profile, set } = await seedLearnedProfile(db);
  await db.hypothesisSets.update(set.id, { createdAt: '2020-01-01T00:00:00.000Z' });
  await addSample(db, { profileId: profile.id, text: TEXT, site: 'mail.example.com', kind: 'email', source: 'harvest' });
  const job = await queueInferenceIfDue(db, profile.id, { force: true });
  const logged: unknown[] = [];
  const errors: unknown[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
  }
  const runner = createJobRunner(db, () => connectConfiguredLlm(db, secrets, { builtIn: null, retry: { maxRetries: 0 } }), {
    // What the background logs for a failed job.
    onError: (error) => {
      errors.push(error);
      console.warn('Idiolect: inference failed:', error instanceof Error ? error.message : String(error));
    },
  });
  await runner.kick();
  vi.restoreAllMocks();
  return { job: (await db.jobs.get(job!.id))!, logged, errors };
}

describe('the API key stays in the background', () => {
  it('is saved, and sent to its own endpoint', async () => {
    expect(await secrets.readApiKeyFor(server.baseURL)).toBe(KEY);
    await learnWithTheRefusedKey();
    expect(server.chatRequests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('is not in the profile store, chrome.storage, or what the options page is sent', async () => {
    expect(await everythingInTheProfileStore()).not.toContain(KEY);
    expect(await everythingInChromeStorage()).not.toContain(KEY);
    const view = await viewLlmSettings(db, secrets, { builtIn: null });
    expect(view.hasApiKey).toBe(true);
    expect(JSON.stringify(view)).not.toContain(KEY);
  });

  it('is not in the error the popup shows, nor in the log, when the endpoint refuses it and quotes it back', async () => {
    const { job, logged, errors } = await learnWithTheRefusedKey();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/refused the API key \(401\)/);
    expect(job.error).not.toContain(KEY);
    expect(errors).toHaveLength(1);
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(KEY);
    expect(await everythingInTheProfileStore()).not.toContain(KEY);
  });

  it('is not in an export', async () => {
    await seedLearnedProfile(db);
    expect(JSON.stringify(await exportProfiles(db))).not.toContain(KEY);
  });
});
