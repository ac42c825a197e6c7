import type { IdiolectDatabase } from '../db/database';
import type { SecretStore } from '../db/secrets';
import { readSetting, writeSetting } from '../db/settings';
import { createOpenAICompatibleClient } from '../llm/openai-compatible';
import type { LlmClient } from '../llm/types';
import type { LlmSettingsChange, LlmSettingsView } from '../messaging';

export async function connectConfiguredLlm(db: IdiolectDatabase, secrets: SecretStore): Promise<LlmClient> {
  return createOpenAICompatibleClient(await readSetting(db, 'llm'), await secrets.readApiKey());
}

export async function viewLlmSettings(db: IdiolectDatabase, secrets: SecretStore): Promise<LlmSettingsView> {
  return { settings: await readSetting(db, 'llm'), hasApiKey: (await secrets.readApiKey()) !== null };
}

export async function saveLlmSettings(
  db: IdiolectDatabase,
  secrets: SecretStore,
  change: LlmSettingsChange,
): Promise<LlmSettingsView> {
  await writeSetting(db, 'llm', change.settings);
  if (change.apiKey !== undefined) await secrets.writeApiKey(change.apiKey?.trim() || null);
  return viewLlmSettings(db, secrets);
}
