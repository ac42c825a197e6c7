import type { LlmSettings, VerifiedEndpoint } from '../settings/schema';

export interface GetStartedInput {
  /** The endpoint the person saved; null while nothing is saved. */
  savedLlm: LlmSettings | null;
  verifiedEndpoint: VerifiedEndpoint | null;
  /** The endpoint the active profile's latest hypotheses were learned with: a model that learned works. */
  learnedWith: { provider: string; model: string } | null;
  allowedSites: readonly string[];
  /** Samples of the active profile Idiolect may learn from. */
  usableSamples: number;
  samplesNeeded: number;
}

export interface GetStartedSteps {
  /** A model is saved and answered Test connection as saved, or learned the profile. */
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
  const saved = input.savedLlm;
  const learnedBySaved = saved !== null && input.learnedWith?.provider === saved.provider && input.learnedWith.model === saved.model;
  const model = saved !== null && ((input.verifiedEndpoint !== null && sameEndpoint(saved, input.verifiedEndpoint)) || learnedBySaved);
  const site = input.allowedSites.length > 0;
  const have = Math.min(input.usableSamples, input.samplesNeeded);
  const samples = { have, need: input.samplesNeeded, done: input.usableSamples >= input.samplesNeeded };
  const modelInUse = model && saved ? { provider: saved.provider, model: saved.model } : null;
  return { model, modelInUse, sites: input.allowedSites.length, site, samples, done: model && site && samples.done };
}
