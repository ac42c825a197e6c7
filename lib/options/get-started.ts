import type { LlmSettings, VerifiedEndpoint } from '../settings/schema';

export interface GetStartedInput {
  /** The endpoint the person saved; null while nothing is saved. */
  savedLlm: LlmSettings | null;
  verifiedEndpoint: VerifiedEndpoint | null;
  allowedSites: readonly string[];
  /** Samples of the active profile Idiolect may learn from. */
  usableSamples: number;
  samplesNeeded: number;
}

export interface GetStartedSteps {
  /** A model is saved and answered Test connection as saved. */
  model: boolean;
  /** The model in use once that step is done. */
  modelInUse: { provider: LlmSettings['provider']; model: string } | null;
  sites: number;
  site: boolean;
  samples: { have: number; need: number; done: boolean };
  done: boolean;
}

const sameEndpoint = (saved: LlmSettings, verified: VerifiedEndpoint) =>
  saved.provider === verified.provider && saved.baseURL === verified.baseURL && saved.model === verified.model;

/** Where a newcomer stands on the way to a first rewrite in their own voice. */
export function getStartedSteps(input: GetStartedInput): GetStartedSteps {
  const model = input.savedLlm !== null && input.verifiedEndpoint !== null && sameEndpoint(input.savedLlm, input.verifiedEndpoint);
  const site = input.allowedSites.length > 0;
  const have = Math.min(input.usableSamples, input.samplesNeeded);
  const samples = { have, need: input.samplesNeeded, done: input.usableSamples >= input.samplesNeeded };
  const modelInUse = model && input.savedLlm ? { provider: input.savedLlm.provider, model: input.savedLlm.model } : null;
  return { model, modelInUse, sites: input.allowedSites.length, site, samples, done: model && site && samples.done };
}
