/**
 * Prompt tokens per inference and per held-out verification with 10, 100 and 10,000 stored
 * samples (both should be flat), per refinement, and per rewrite, measured against the local fake OpenAI server (its tokenizer
 * counts about four characters a token, like the budget does).
 */
import 'fake-indexeddb/auto';
import { IdiolectDatabase } from '../../lib/db/database';
import type { Sample } from '../../lib/db/records';
import { ensureActiveProfile } from '../../lib/db/profiles';
import { queueInferenceIfDue, runInferenceJob } from '../../lib/inference/inference-jobs';
import { createOpenAICompatibleClient } from '../../lib/llm/openai-compatible';
import type { LlmClient } from '../../lib/llm/types';
import { prepareRewrite } from '../../lib/rewrite/rewrite-draft';
import { startFakeOpenAI, type ChatRequest, type Reply } from '../../tests/support/fake-openai';
import type { BenchRow, BenchSection } from './types';

/** Sentences of ordinary work email, from which the benchmarks' synthetic texts are made. */
export const SENTENCES = [
  'Thanks for the quick reply, I had a look at the logs this morning.',
  "It turns out the nightly job didn't run because the disk was full again.",
  'I cleared the old archives, so we should be fine for a few weeks.',
  'Could you check whether the backup from Tuesday is complete?',
  'If not, we can rerun it tonight; it takes about two hours.',
  'Let me know what you think, and sorry for the noise on the list.',
  'Quick one: the release moved to Thursday because QA found two blockers.',
  'Great write-up, the part about caching saved me a day of digging.',
];
const KINDS = ['email', 'comment', 'post', 'email', 'other'] as const;
const SITES = ['mail.google.com', 'github.com', 'news.ycombinator.com', 'outlook.office.com', 'example.blog'];

/** A varied synthetic history: lengths from one sentence to a few paragraphs, several kinds and sites. */
export function syntheticSample(profileId: string, index: number): Sample {
  const sentences = 1 + ((index * 7) % 23);
  const text = [`Message ${index}.`, ...Array.from({ length: sentences }, (_, i) => SENTENCES[(index + i) % SENTENCES.length]!)].join(' ');
  const at = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
  return {
    id: `sample-${index}`,
    profileId,
    text,
    contentHash: `hash-${index}`,
    site: SITES[index % SITES.length]!,
    kind: KINDS[index % KINDS.length]!,
    source: 'harvest',
    language: 'en',
    recipientDomain: index % 3 === 0 ? `client${index % 4}.example.com` : null,
    wordCount: text.split(/\s+/).length,
    writtenAt: at,
    storedAt: at,
    excluded: index % 17 === 0,
  };
}

/** Ten distinct hypotheses of realistic length, as a model would write them. */
const STATEMENTS = [
  'Opens emails with a one-word greeting followed by the recipient’s first name.',
  'Keeps most sentences under fifteen words and rarely uses subordinate clauses.',
  'Apologises lightly for interruptions, for example “sorry for the noise”.',
  'States the problem first, then the cause, then what was already done about it.',
  'Uses contractions such as “didn’t” and “it’s” even in work email.',
  'Ends with an open question that invites the reader to decide.',
  'Gives concrete numbers and times rather than vague estimates.',
  'Signs off with a bare initial and no closing formula.',
  'Praises specific details of other people’s work in comments.',
  'Avoids exclamation marks and emoji entirely.',
];

function promptOf(request: ChatRequest): string {
  return request.chat.messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
}

function isVerification(request: ChatRequest): boolean {
  return request.chat.systemPrompt.includes('You test hypotheses');
}

/** Each held-out sample supports two hypotheses and contradicts one. */
function verificationReply(request: ChatRequest): Reply {
  const aliases = [...request.chat.userContent.matchAll(/<sample id="(v\d+)"/g)].map(([, alias = '']) => alias);
  return { json: { samples: aliases.map((sample) => ({ sample, supports: ['H1', 'H2'], contradicts: ['H3'] })) } };
}

/** A valid profile (or refinement) citing the first words of the samples it was shown, or a verification. */
function profileReply(request: ChatRequest): Reply {
  if (isVerification(request)) return verificationReply(request);
  const samples = [...promptOf(request).matchAll(/<sample id="(s\d+)"[^>]*>\n([^\n]*)/g)];
  const evidence = samples.slice(0, 3).map(([, sampleId = '', line = '']) => ({ sampleId, quote: line.split(' ').slice(0, 4).join(' ') }));
  const hypotheses = STATEMENTS.map((statement, i) => ({
    category: (['style', 'personality', 'communication'] as const)[i % 3],
    statement,
    evidence,
    confidence: 0.7,
  }));
  const attributes = { role: 'Engineer', domain: 'software operations', audiences: ['colleagues', 'clients'], facts: [] };
  return request.chat.systemPrompt.includes('Refine the profile')
    ? { json: { reviewed: [], added: [{ ...hypotheses[0]!, category: 'style', statement: 'Puts the key date in the first sentence of an update.' }], attributes } }
    : { json: { hypotheses, attributes } };
}

function approximateTokens(messages: ReadonlyArray<{ content: string }>): number {
  return messages.reduce((sum, message) => sum + Math.ceil(message.content.length / 4), 0);
}

/** What the fake server counts for one request: the same four characters a token. */
function promptTokensOf(request: ChatRequest): number {
  return approximateTokens(request.chat.messages.map((message) => ({ content: typeof message.content === 'string' ? message.content : '' })));
}

export const section: BenchSection = {
  name: 'tokens',
  title: 'HyPerAlign prompt tokens (fake OpenAI server, ~4 chars/token)',
  async run(): Promise<BenchRow[]> {
    const fake = await startFakeOpenAI();
    fake.setDefault(profileReply);
    const rows: BenchRow[] = [];
    const checks: BenchRow[] = [];
    const later: BenchRow[] = [];
    const clientFor = (contextTokens: number | null): LlmClient =>
      createOpenAICompatibleClient({ provider: 'custom', baseURL: fake.baseURL, model: 'fake-model', contextTokens }, null, { retry: { maxRetries: 0 } });
    try {
      for (const [label, contextTokens] of [['8k context (custom default)', null], ['4k context (Ollama default)', 4_096]] as const) {
        for (const stored of [10, 100, 10_000]) {
          const db = new IdiolectDatabase(`bench-${crypto.randomUUID()}`);
          const profile = await ensureActiveProfile(db);
          await db.samples.bulkAdd(Array.from({ length: stored }, (_, i) => syntheticSample(profile.id, i)));
          const job = await queueInferenceIfDue(db, profile.id, { force: true });
          const sent = fake.chatRequests.length;
          const started = performance.now();
          const set = await runInferenceJob(db, job!.id, clientFor(contextTokens));
          const ms = performance.now() - started;
          const [inference, ...after] = fake.chatRequests.slice(sent);
          const verification = after.find(isVerification);
          rows.push({
            measure: `inference, ${stored.toLocaleString('en-US')} samples stored, ${label}`,
            value: promptTokensOf(inference!),
            note: `${set!.sampleIds.length} samples shown, ${ms.toFixed(0)} ms including the verification`,
            ...(contextTokens === null ? { metric: { name: `inference_prompt_tokens_${stored}`, value: promptTokensOf(inference!) } } : {}),
          });
          checks.push({
            measure: `verification, ${stored.toLocaleString('en-US')} samples stored, ${label}`,
            value: verification ? promptTokensOf(verification) : 0,
            note: verification
              ? `${[...verification.chat.userContent.matchAll(/<sample id=/g)].length} held-out samples, ${set!.hypotheses.length} hypotheses kept`
              : 'no call: inference saw every usable sample',
          });
          if (stored === 100 && contextTokens === null) {
            // Refinement: three new texts arrive, the model sees the profile, the new texts and a few earlier ones.
            const arrivals = Array.from({ length: 3 }, (_, i) => ({ ...syntheticSample(profile.id, 20_000 + i), storedAt: new Date().toISOString() }));
            await db.samples.bulkAdd(arrivals);
            const refine = await queueInferenceIfDue(db, profile.id);
            const refined = await runInferenceJob(db, refine!.id, clientFor(contextTokens));
            later.push({
              measure: `refinement, 100 + 3 new samples, ${label}`,
              value: refined!.usage.promptTokens,
              note: `${refined!.sampleIds.length} samples shown, ${refined!.hypotheses.length} hypotheses`,
            });
            const draft200 = Array.from({ length: 10 }, (_, i) => SENTENCES[i % SENTENCES.length]!).join(' ').split(/\s+/);
            while (draft200.length < 200) draft200.push(...SENTENCES[draft200.length % SENTENCES.length]!.split(' '));
            const longDraft = draft200.slice(0, 200).join(' ');
            const longMessages = await prepareRewrite(db, { profileId: profile.id, draft: longDraft, kind: 'email', length: 'same' });
            later.push({
              measure: 'rewrite of a 200-word email',
              value: approximateTokens(longMessages),
              note: `${set!.hypotheses.length} hypotheses + up to 3 examples`,
              metric: { name: 'rewrite_prompt_tokens', value: approximateTokens(longMessages) },
            });
            for (const length of ['same', 'shorter'] as const) {
              const draft =
                'Dear all, please be informed that the quarterly review takes place on Tuesday 14 May at 3pm in room 204. ' +
                'The agenda is at https://intranet.example.com/q2-review. Send questions to ana@example.com by Monday.';
              const messages = await prepareRewrite(db, { profileId: profile.id, draft, kind: 'email', length });
              later.push({
                measure: `rewrite of a 45-word email (length: ${length})`,
                value: approximateTokens(messages),
                note: `${set!.hypotheses.length} hypotheses + up to 3 examples`,
              });
            }
          }
          db.close();
          await db.delete();
        }
      }
    } finally {
      await fake.close();
    }
    return [...rows, ...checks, ...later];
  },
};
