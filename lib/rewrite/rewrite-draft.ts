import type { IdiolectDatabase } from '../db/database';
import { latestHypothesisSet } from '../db/hypothesis-sets';
import type { Sample } from '../db/records';
import { recentUsableSamples } from '../db/samples';
import type { PromptSample } from '../hyperalign/inference-prompt';
import type { Adjustment, DraftKind, LengthChoice } from '../hyperalign/rewrite-choices';
import { buildRewriteMessages, hypothesesForRewrite, MAX_EXEMPLARS, rewriteMaxTokens } from '../hyperalign/rewrite-prompt';
import { withoutRepeats } from '../hyperalign/select-samples';
import { MIN_SAMPLES_FOR_INFERENCE } from '../inference/learning-threshold';
import type { ChatMessage, LlmClient } from '../llm/types';
import { countWords, isShortText, MIN_SAMPLE_WORDS } from '../text/sample-quality';

export class NoProfileYetError extends Error {
  constructor() {
    super(
      `Idiolect has not learned your voice yet: it needs at least ${MIN_SAMPLES_FOR_INFERENCE} texts you wrote, then a moment to study them.`,
    );
    this.name = 'NoProfileYetError';
  }
}

export interface RewriteInput {
  profileId: string;
  draft: string;
  kind: DraftKind;
  length: LengthChoice;
  adjustment?: Adjustment;
}

/** Recent samples looked at for examples; bounded, like inference, whatever the number stored. */
const EXEMPLAR_WINDOW = 200;
const EXEMPLAR_MAX_WORDS = 150;

/**
 * A few recent texts by the person, each a different text: of the draft's kind (any kind only
 * when there is none of it), and of its length first, so a two-line reply is shown two-line replies.
 */
export async function loadRewriteExemplars(db: IdiolectDatabase, profileId: string, kind: DraftKind, draft = ''): Promise<PromptSample[]> {
  const recent = await recentUsableSamples(db, profileId, EXEMPLAR_WINDOW);
  const fitting = recent.filter((sample: Sample) => sample.wordCount >= MIN_SAMPLE_WORDS && sample.wordCount <= EXEMPLAR_MAX_WORDS);
  const sameKind = fitting.filter((sample) => sample.kind === kind);
  const draftIsShort = isShortText(countWords(draft));
  const distinct = withoutRepeats((sameKind.length > 0 ? sameKind : fitting).map((sample) => ({ ...sample, recipient: sample.recipientDomain })));
  // Stable: among texts as long as the draft, and among the others, the most recent come first.
  const byLength = [...distinct].sort((a, b) => Number(isShortText(b.wordCount) === draftIsShort) - Number(isShortText(a.wordCount) === draftIsShort));
  return byLength.slice(0, MAX_EXEMPLARS).map(({ id, text, kind: sampleKind, site }) => ({ id, text, kind: sampleKind, site }));
}

/** The hypotheses a rewrite was conditioned on, so the person can see them and say whether it worked. */
export interface RewriteGuidance {
  setId: string;
  hypotheses: Array<{ id: string; statement: string }>;
}

/** The generation prompt for a draft: the current hypotheses and attributes, and a few examples. */
export async function prepareGuidedRewrite(db: IdiolectDatabase, input: RewriteInput): Promise<{ messages: ChatMessage[]; guidedBy: RewriteGuidance }> {
  const [set, exemplars] = await Promise.all([
    latestHypothesisSet(db, input.profileId),
    loadRewriteExemplars(db, input.profileId, input.kind, input.draft),
  ]);
  if (!set) throw new NoProfileYetError();
  const messages = buildRewriteMessages({
    draft: input.draft,
    hypotheses: set.hypotheses,
    attributes: set.attributes,
    kind: input.kind,
    length: input.length,
    adjustment: input.adjustment,
    exemplars,
  });
  const guidedBy = { setId: set.id, hypotheses: hypothesesForRewrite(set.hypotheses).map(({ id, statement }) => ({ id, statement })) };
  return { messages, guidedBy };
}

export async function prepareRewrite(db: IdiolectDatabase, input: RewriteInput): Promise<ChatMessage[]> {
  return (await prepareGuidedRewrite(db, input)).messages;
}

/**
 * Stage 2 of HyPerAlign: the draft rewritten in the person's voice, streamed, and the hypotheses
 * that guided it. The profile is the person's, not a model's: whichever provider is configured now
 * uses it unchanged.
 */
export async function rewriteDraftInUserVoice(
  db: IdiolectDatabase,
  llm: LlmClient | Promise<LlmClient>,
  input: RewriteInput,
  signal?: AbortSignal,
): Promise<{ guidedBy: RewriteGuidance; deltas: AsyncIterable<string> }> {
  // The prompt is read while the client connects: the person is waiting for the first word.
  const [{ messages, guidedBy }, client] = await Promise.all([prepareGuidedRewrite(db, input), llm]);
  return { guidedBy, deltas: client.streamText({ messages, maxTokens: rewriteMaxTokens(input.draft), signal }) };
}
