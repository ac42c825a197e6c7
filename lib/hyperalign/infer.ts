import type { LlmClient } from '../llm/types';
import { keepVerifiableEvidence } from './evidence';
import { buildInferenceMessages, type PromptSample } from './inference-prompt';
import { inferenceOutputSchema } from './inference-output';
import type { Hypothesis, TokenUsage, UserAttributes } from './schema';

export interface InferredProfile {
  hypotheses: Hypothesis[];
  attributes: UserAttributes;
  usage: TokenUsage;
}

export async function inferHypotheses(
  llm: LlmClient,
  samples: PromptSample[],
  signal?: AbortSignal,
): Promise<InferredProfile> {
  const { value, usage } = await llm.completeStructured({
    messages: buildInferenceMessages(samples),
    schema: inferenceOutputSchema,
    schemaName: 'writing_profile',
    signal,
  });
  const samplesById = new Map(samples.map((sample) => [sample.id, sample.text]));
  const hypotheses = value.hypotheses.map((hypothesis) => ({
    id: crypto.randomUUID(),
    category: hypothesis.category,
    statement: hypothesis.statement.trim(),
    evidence: keepVerifiableEvidence(hypothesis.evidence, samplesById),
    confidence: hypothesis.confidence,
    status: 'inferred' as const,
  }));
  return { hypotheses, attributes: value.attributes, usage };
}
