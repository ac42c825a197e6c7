import type { LlmSettings } from '../settings/schema';
import { createChromeBuiltInClient, findBuiltInLanguageModel, type BuiltInLanguageModel } from './chrome-builtin';
import { createOpenAICompatibleClient, type OpenAICompatibleOptions } from './openai-compatible';
import type { LlmClient } from './types';

export interface CreateClientOptions extends OpenAICompatibleOptions {
  /** The Prompt API to use for `chrome-builtin`; the browser's global by default. */
  builtIn?: BuiltInLanguageModel | null;
}

/** The client for whichever provider the person chose; the method never knows which. */
export function createLlmClient(settings: LlmSettings, apiKey: string | null, options: CreateClientOptions = {}): LlmClient {
  if (settings.provider === 'chrome-builtin') {
    return createChromeBuiltInClient(options.builtIn === undefined ? findBuiltInLanguageModel() : options.builtIn);
  }
  return createOpenAICompatibleClient(settings, apiKey, options);
}
