import { browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import type { SecretStore } from '../db/secrets';
import { readSavedSetting, readSetting, writeSetting } from '../db/settings';
import { serviceWorkerLanguageModel } from '../llm/builtin-offscreen';
import { builtInAvailability, type BuiltInLanguageModel } from '../llm/chrome-builtin';
import { createLlmClient, type CreateClientOptions } from '../llm/create-client';
import { findLocalServers, type LocalServerFinding } from '../llm/local-servers';
import type { ConnectionReport, LlmClient } from '../llm/types';
import type { LlmSettingsChange, LlmSettingsView } from '../messaging';
import { keepingWorkerAlive, type WorkerKeepAlive } from './worker-keep-alive';
import { builtInModelSettings, llmSettingsSchema, type LlmSettings } from '../settings/schema';

export interface LlmConnectionOptions extends Omit<CreateClientOptions, 'builtIn'> {
  /** The browser's Prompt API; by default the worker's own or the offscreen document's (tests pass a fake). */
  builtIn?: BuiltInLanguageModel | null;
  /** Keeps the MV3 worker from being stopped while a model is thinking (the background passes one). */
  keepAlive?: WorkerKeepAlive;
}

/** `chrome-extension://<id>`, named in advice such as which origin Ollama must allow. */
function extensionOrigin(): string | null {
  try {
    return browser.runtime.getURL('/').replace(/\/$/, '') || null;
  } catch {
    return null;
  }
}

let workerModel: BuiltInLanguageModel | null | undefined;

/** The on-device model: the one passed in (tests), else the worker's (through the offscreen document). */
function builtInOf(options: LlmConnectionOptions): BuiltInLanguageModel | null {
  if (options.builtIn !== undefined) return options.builtIn;
  workerModel ??= serviceWorkerLanguageModel();
  return workerModel;
}

/**
 * The endpoint in use: the person's saved choice; until they make one, the browser's on-device
 * model when it has one (no setup needed), else the OpenAI preset.
 */
export async function effectiveLlmSettings(db: IdiolectDatabase, options: LlmConnectionOptions = {}): Promise<LlmSettings> {
  const saved = await readSavedSetting(db, 'llm');
  if (saved) return saved;
  if ((await builtInAvailability(builtInOf(options))) !== 'unavailable') return builtInModelSettings;
  return readSetting(db, 'llm');
}

function clientFor(settings: LlmSettings, apiKey: string | null, options: LlmConnectionOptions): LlmClient {
  const client = createLlmClient(settings, apiKey, { extensionOrigin: extensionOrigin(), ...options, builtIn: builtInOf(options) });
  return options.keepAlive ? keepingWorkerAlive(client, options.keepAlive) : client;
}

export async function connectConfiguredLlm(
  db: IdiolectDatabase,
  secrets: SecretStore,
  options: LlmConnectionOptions = {},
): Promise<LlmClient> {
  const settings = await effectiveLlmSettings(db, options);
  return clientFor(settings, await secrets.readApiKeyFor(settings.baseURL), options);
}

export async function viewLlmSettings(
  db: IdiolectDatabase,
  secrets: SecretStore,
  options: LlmConnectionOptions = {},
): Promise<LlmSettingsView> {
  const settings = await effectiveLlmSettings(db, options);
  return {
    settings,
    hasApiKey: (await secrets.readApiKeyFor(settings.baseURL)) !== null,
    builtIn: await builtInAvailability(builtInOf(options)),
  };
}

export async function saveLlmSettings(
  db: IdiolectDatabase,
  secrets: SecretStore,
  change: LlmSettingsChange,
  options: LlmConnectionOptions = {},
): Promise<LlmSettingsView> {
  await writeSetting(db, 'llm', change.settings);
  if (change.apiKey !== undefined) await secrets.writeApiKeyFor(change.settings.baseURL, change.apiKey?.trim() || null);
  return viewLlmSettings(db, secrets, options);
}

/**
 * "Test connection" for settings as typed, saved or not: lists the models and runs one tiny
 * completion. A key typed but not saved is used for the test only; otherwise the key saved for
 * that endpoint, and none when the typed endpoint is another one.
 */
export async function testLlmConnection(
  db: IdiolectDatabase,
  secrets: SecretStore,
  change: LlmSettingsChange,
  options: LlmConnectionOptions = {},
): Promise<ConnectionReport> {
  const parsed = llmSettingsSchema.safeParse(change.settings);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('; '), models: [] };
  }
  const report = await clientFor(parsed.data, await keyForChange(secrets, change), options).testConnection(AbortSignal.timeout(150_000));
  if (report.ok) {
    const { provider, baseURL, model } = parsed.data;
    await writeSetting(db, 'verifiedEndpoint', { provider, baseURL, model });
  }
  return report;
}

/** The local model servers answering on this computer at their default addresses. */
export function findLocalModels(fetchImpl: typeof fetch = fetch): Promise<LocalServerFinding[]> {
  return findLocalServers(extensionOrigin() ?? '', fetchImpl);
}

/** A key typed but not saved is used for this call only; otherwise the key saved for that endpoint. */
async function keyForChange(secrets: SecretStore, change: LlmSettingsChange): Promise<string | null> {
  return change.apiKey === undefined ? secrets.readApiKeyFor(change.settings.baseURL) : change.apiKey?.trim() || null;
}

/** The models the endpoint as typed offers, for the picker. The model field may still be empty. */
export async function listLlmModels(secrets: SecretStore, change: LlmSettingsChange, options: LlmConnectionOptions = {}): Promise<string[]> {
  const parsed = llmSettingsSchema.safeParse({ ...change.settings, model: change.settings.model || 'any' });
  if (!parsed.success || parsed.data.provider === 'chrome-builtin') return [];
  return clientFor(parsed.data, await keyForChange(secrets, change), options).listModels(AbortSignal.timeout(20_000));
}
