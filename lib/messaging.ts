import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TextKind } from './db/records';
import type { BuiltInAvailability } from './llm/chrome-builtin';
import type { ConnectionReport } from './llm/types';
import type { LlmSettings } from './settings/schema';

export interface SampleSubmission {
  text: string;
  kind: TextKind;
  recipientDomain: string | null;
}

export type SampleVerdict =
  | { status: 'stored' }
  | { status: 'duplicate' }
  | { status: 'ignored'; reason: string }
  /** The text was fine but could not be stored (the browser's storage is full); nothing else changed. */
  | { status: 'failed'; reason: string };

export interface LlmSettingsView {
  settings: LlmSettings;
  hasApiKey: boolean;
  /** Whether this browser has an on-device model (Chrome's Prompt API). */
  builtIn?: BuiltInAvailability;
}

/** `apiKey`: a new key, `null` to forget the saved one, absent to keep it. */
export interface LlmSettingsChange {
  settings: LlmSettings;
  apiKey?: string | null;
}

/** What the content script must know before it reads or hands over a sent text. */
export interface HarvestPolicy {
  /** Whether this page's site is allowed and collection is not paused. */
  collecting: boolean;
  reviewBeforeSaving: boolean;
}

/** The one protocol between the content script, the popup, the options page and the background. */
export interface ProtocolMap {
  submitSample(submission: SampleSubmission): SampleVerdict;
  getLlmSettings(): LlmSettingsView;
  saveLlmSettings(change: LlmSettingsChange): LlmSettingsView;
  /** Lists the models and runs one tiny completion with the settings as typed. */
  testLlmConnection(change: LlmSettingsChange): ConnectionReport;
  /** The model names the endpoint as typed offers (for the model picker); empty when it does not say. */
  listLlmModels(change: LlmSettingsChange): string[];
  allowSite(site: string): string[];
  disallowSite(site: string): string[];
  setCollectionPaused(paused: boolean): void;
  setReviewBeforeSaving(review: boolean): void;
  getHarvestPolicy(): HarvestPolicy;
  /** Background to content scripts: ask for the policy again. */
  harvestPolicyChanged(): void;
  setRedactBeforeStoring(redact: boolean): void;
  wipeAllData(): void;
  inferNow(): { queued: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
