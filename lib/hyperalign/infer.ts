import type { LlmClient, StructuredMode } from '../llm/types';
import { inferenceOutputSchema, refinementOutputSchema } from './inference-output';
import { buildInferenceMessages, type CurrentProfile, type PromptSample } from './inference-prompt';
import { applyRefinement, hypothesesFromInference, mergeAttributes, type EvidenceContext } from './refine';
import { INFERENCE_OUTPUT_RESERVE } from './select-samples';
import { emptyAttributes, type Hypothesis, type TokenUsage, type UserAttributes } from './schema';

export interface InferredProfile {
  hypotheses: Hypothesis[];
  attributes: UserAttributes;
  usage: TokenUsage;
  mode: StructuredMode;
  /** 'refine' when the model revised an existing profile rather than starting one. */
  kind: 'initial' | 'refine';
}

/**
 * Stage 1 of HyPerAlign: hypotheses about the person from a few of their texts. With a current
 * profile it refines (confirm, revise, retire, add) instead of starting over. Everything the model
 * returns has been validated by the client; evidence is then checked against the samples.
 */
export async function inferHypotheses(
  llm: LlmClient,
  samples: PromptSample[],
  options: { current?: CurrentProfile; signal?: AbortSignal } = {},
): Promise<InferredProfile> {
  const { current, signal } = options;
  const prompt = buildInferenceMessages(samples, current);
  const context: EvidenceContext = {
    samplesById: new Map(samples.map((sample) => [sample.id, sample.text])),
    sampleIdOf: (cited) => prompt.sampleIdByAlias.get(cited) ?? (samples.some((sample) => sample.id === cited) ? cited : undefined),
  };
  if (!current || current.hypotheses.length === 0) {
    const { value, usage, mode } = await llm.completeStructured({
      messages: prompt.messages,
      schema: inferenceOutputSchema,
      schemaName: 'writing_profile',
      // The same room the prompt budget leaves for the answer.
      maxTokens: INFERENCE_OUTPUT_RESERVE,
      signal,
    });
    return {
      hypotheses: hypothesesFromInference(value, context),
      attributes: mergeAttributes(current?.attributes ?? emptyAttributes, value.attributes),
      usage,
      mode,
      kind: 'initial',
    };
  }
  const { value, usage, mode } = await llm.completeStructured({
    messages: prompt.messages,
    schema: refinementOutputSchema,
    schemaName: 'writing_profile_refinement',
    maxTokens: INFERENCE_OUTPUT_RESERVE,
    signal,
  });
  return {
    hypotheses: applyRefinement(current.hypotheses, value, (ref) => prompt.hypothesisIdByRef.get(ref), context),
    attributes: mergeAttributes(current.attributes, value.attributes),
    usage,
    mode,
    kind: 'refine',
  };
}
