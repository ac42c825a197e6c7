import type { Browser } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../tests/support/fake-openai';
import { freshDatabase } from '../../tests/support/fresh-database';
import { serveRewritePort } from '../background/rewrite-service';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { addSample } from '../db/sample-writes';
import type { Hypothesis, HypothesisSet } from '../hyperalign/schema';
import type { BuiltInLanguageModel, BuiltInPromptMessage } from '../llm/chrome-builtin';
import { createLlmClient } from '../llm/create-client';
import type { LlmError } from '../llm/errors';
import type { LlmClient } from '../llm/types';
import type { RewriteEvent, RewriteStart } from './rewrite-port';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const openAICompatible = (): LlmClient =>
  createLlmClient({ provider: 'custom', baseURL: fake.baseURL, model: 'fake-model' }, null, { retry: { maxRetries: 0 } });

function hypothesis(statement: string, status: Hypothesis['status']): Hypothesis {
  return { id: crypto.randomUUID(), category: 'style', statement, evidence: [], confidence: 0.7, status };
}

const HYPOTHESES = [
  hypothesis('Signs off with a dash and an initial.', 'inferred'),
  hypothesis('Never uses semicolons (my correction).', 'edited'),
  hypothesis('Opens with “Hi” and the first name.', 'pinned'),
  hypothesis('Writes in long formal paragraphs.', 'rejected'),
];

async function learnedProfile(db: IdiolectDatabase, provider = 'openai') {
  const profile = await ensureActiveProfile(db);
  const add = async (text: string, kind: 'email' | 'comment', excluded = false) => {
    const result = await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind, source: 'harvest' });
    if (result.status === 'stored' && excluded) await db.samples.update(result.sample.id, { excluded: true });
  };
  await add('Hi Maria, the release moved to Thursday. Can you tell the client? - J', 'email');
  await add('Hi Ben, yes, we can take the extra ticket if design signs off. - J', 'email');
  await add('Hi Sam, I pushed the fix, could you check it before lunch please? - J', 'email');
  await add('Hi Ana, the slides are attached, shout if anything looks off. - J', 'email');
  await add('Hi Tom, this one is private and the person excluded it from learning. - J', 'email', true);
  await add('Great write-up, the part on caching saved me a whole day of work.', 'comment');
  const set: HypothesisSet = {
    id: crypto.randomUUID(),
    profileId: profile.id,
    version: 1,
    createdAt: new Date().toISOString(),
    hypotheses: HYPOTHESES,
    attributes: { role: 'Team lead', domain: 'software', audiences: ['colleagues'], facts: ['Based in Lisbon'] },
    sampleIds: [],
    model: provider === 'openai' ? 'gpt-4o-mini' : 'fake-model',
    provider,
    usage: { promptTokens: 0, completionTokens: 0 },
  };
  await db.hypothesisSets.add(set);
  return profile;
}

/** A runtime port as the popup would hold it; resolves `finished` on the final event. */
function fakePort() {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const events: RewriteEvent[] = [];
  let finish!: (event: RewriteEvent) => void;
  const finished = new Promise<RewriteEvent>((resolve) => (finish = resolve));
  let firstDelta!: () => void;
  const streaming = new Promise<void>((resolve) => (firstDelta = resolve));
  const port = {
    name: 'idiolect-rewrite',
    postMessage(event: RewriteEvent) {
      events.push(event);
      if (event.type === 'delta') firstDelta();
      else finish(event);
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
  };
  return {
    port: port as unknown as Browser.runtime.Port,
    start: (message: RewriteStart) => onMessage.forEach((listener) => listener(message)),
    disconnect: () => onDisconnect.forEach((listener) => listener()),
    events,
    finished,
    streaming,
  };
}

async function rewrite(db: IdiolectDatabase, start: Omit<RewriteStart, 'type'>, llm: LlmClient = openAICompatible()) {
  const port = fakePort();
  serveRewritePort(port.port, db, async () => llm);
  port.start({ type: 'start', ...start });
  return { final: await port.finished, events: port.events };
}

describe('stage 2: rewriting a draft', () => {
  it('prompts with the hypotheses (rejected ones left out), the attributes, and a few short examples of the same kind', async () => {
    const db = freshDatabase();
    await learnedProfile(db);
    fake.script({ content: 'Hi all - the demo is Tuesday at 3pm. - J' });
    const draft = 'Dear all, please be informed that the demo takes place on Tuesday at 3pm.';
    const { final } = await rewrite(db, { draft, kind: 'email', length: 'shorter' });
    expect(final).toMatchObject({ type: 'done', text: 'Hi all - the demo is Tuesday at 3pm. - J', fidelity: { missing: [], added: [] } });

    const [request] = fake.chatRequests;
    const system = request!.chat.systemPrompt;
    expect(request!.chat.stream).toBe(true);
    expect(request!.chat.userContent).toBe(`<draft>\n${draft}\n</draft>`);
    for (const kept of HYPOTHESES.slice(0, 3)) expect(system).toContain(kept.statement);
    expect(system).not.toContain('Writes in long formal paragraphs.');
    // The person's own hypotheses come first.
    expect(system.indexOf('Opens with “Hi”')).toBeLessThan(system.indexOf('Signs off with a dash'));
    expect(system).toContain('Role: Team lead');
    expect(system).toContain('Fact: Based in Lisbon');
    const examples = /<examples>([\s\S]*)<\/examples>/.exec(system)?.[1] ?? '';
    expect(examples.match(/<example>/g)).toHaveLength(3);
    expect(examples).not.toContain('caching');
    expect(examples).not.toContain('excluded it from learning');
    expect(system).toMatch(/is an email/);
    expect(system).toMatch(/clearly shorter/);
    expect(system).toMatch(/names, numbers, amounts, dates, times, links and email addresses must appear unchanged/);
  });

  it('follows the chosen kind and length', async () => {
    const db = freshDatabase();
    await learnedProfile(db);
    fake.script({ content: 'Nice one.' });
    await rewrite(db, { draft: 'That is a very good article.', kind: 'comment', length: 'longer' });
    const system = fake.chatRequests[0]!.chat.systemPrompt;
    expect(system).toMatch(/comment or a short reply/);
    expect(system).toMatch(/somewhat longer/);
    const examples = /<examples>([\s\S]*)<\/examples>/.exec(system)?.[1] ?? '';
    expect(examples).toContain('caching');
    expect(examples).not.toContain('Hi Maria');
  });

  it('flags a rewrite that drops a number or a link from the draft, or adds a fact', async () => {
    const db = freshDatabase();
    await learnedProfile(db);
    fake.script({ content: 'Hi team - demo is Wednesday, bring questions and Sarah will host. - J' });
    const { final } = await rewrite(db, {
      draft: 'Dear all, the demo is on Tuesday at 3pm in room 204. Agenda: https://intranet.example.com/demo-agenda.',
      kind: 'email',
      length: 'same',
    });
    expect(final.type).toBe('done');
    const { missing, added } = (final as Extract<RewriteEvent, { type: 'done' }>).fidelity;
    expect(missing).toEqual(
      expect.arrayContaining([
        { kind: 'number', text: '204' },
        { kind: 'link', text: 'https://intranet.example.com/demo-agenda' },
        { kind: 'date', text: 'Tuesday' },
        { kind: 'date', text: '3pm' },
      ]),
    );
    expect(added).toEqual(expect.arrayContaining([{ kind: 'date', text: 'Wednesday' }, { kind: 'name', text: 'Sarah' }]));
  });

  it('is cancelled when the popup disconnects: the request is dropped and nothing more is sent', async () => {
    const db = freshDatabase();
    await learnedProfile(db);
    fake.script({ delayMs: 60_000, then: { content: 'never' } });
    const base = openAICompatible();
    let ended!: (how: string) => void;
    const streamEnded = new Promise<string>((resolve) => (ended = resolve));
    const watched: LlmClient = {
      ...base,
      async *streamText(request) {
        try {
          yield* base.streamText(request);
          ended('completed');
        } catch (error) {
          ended((error as LlmError).code);
          throw error;
        }
      },
    };
    const port = fakePort();
    serveRewritePort(port.port, db, async () => watched);
    port.start({ type: 'start', draft: 'Please review the plan.' });
    await fake.waitForRequests(1);
    port.disconnect();
    expect(await streamEnded).toBe('cancelled');
    expect(port.events).toEqual([]);
  });

  it('uses the profile unchanged after switching provider: hypotheses from OpenAI drive the on-device model', async () => {
    const db = freshDatabase();
    await learnedProfile(db, 'openai');
    const sessions: BuiltInPromptMessage[][] = [];
    const builtIn: BuiltInLanguageModel = {
      availability: async () => 'available',
      async create(options) {
        sessions.push(options?.initialPrompts ?? []);
        return {
          prompt: async () => '',
          promptStreaming: () =>
            new ReadableStream<string>({
              start(controller) {
                controller.enqueue('Hi all - demo Tuesday 3pm. - J');
                controller.close();
              },
            }),
          destroy: () => undefined,
        };
      },
    };
    const onDevice = createLlmClient({ provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano' }, null, { builtIn });
    const { final } = await rewrite(db, { draft: 'The demo is on Tuesday at 3pm.' }, onDevice);
    expect(final).toMatchObject({ type: 'done', fidelity: { missing: [], added: [] } });
    const system = sessions[0]!.find((message) => message.role === 'system')!.content;
    for (const kept of HYPOTHESES.slice(0, 3)) expect(system).toContain(kept.statement);
    expect(system).not.toContain('Writes in long formal paragraphs.');
  });

  it('answers a profile that does not exist yet in words', async () => {
    const db = freshDatabase();
    const { final } = await rewrite(db, { draft: 'Hello there, this is a draft.' });
    expect(final).toMatchObject({ type: 'error', message: expect.stringMatching(/has not learned your voice yet/) });
  });
});
