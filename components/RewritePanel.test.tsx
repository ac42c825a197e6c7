// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { startFakeOpenAI, type FakeOpenAI } from '@/tests/support/fake-openai';
import { serveRewritePort } from '@/lib/background/rewrite-service';
import { openIdiolectDatabase } from '@/lib/db/database';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { createLlmClient } from '@/lib/llm/create-client';
// Loaded here, before a lazy part of the panel asks for it, so the mock above is settled first.
import '@/lib/messaging';
import { RewritePanel } from './RewritePanel';

// Scoring and feedback reach the background's real handlers, on the database the test reads.
vi.mock('@/lib/messaging', async () => {
  const { inProcessBackground } = await import('../tests/support/in-process-background');
  const { openIdiolectDatabase: open } = await import('@/lib/db/database');
  const background = inProcessBackground(open());
  return { sendMessage: vi.fn(background.send) };
});

type Listener = (message: unknown) => void;

/** Two connected runtime ports, as the popup and the background would hold them. */
function portPair(name: string): [Browser.runtime.Port, Browser.runtime.Port] {
  const make = () => ({ message: [] as Listener[], disconnect: [] as Array<() => void> });
  const sides = [make(), make()];
  const port = (self: number) => {
    const other = sides[1 - self]!;
    return {
      name,
      postMessage: (message: unknown) => queueMicrotask(() => other.message.forEach((listener) => listener(message))),
      disconnect: () => queueMicrotask(() => other.disconnect.forEach((listener) => listener())),
      onMessage: { addListener: (listener: Listener) => sides[self]!.message.push(listener) },
      onDisconnect: { addListener: (listener: () => void) => sides[self]!.disconnect.push(listener) },
    } as unknown as Browser.runtime.Port;
  };
  return [port(0), port(1)];
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  const db = openIdiolectDatabase();
  const profile = await ensureActiveProfile(db);
  await db.hypothesisSets.add({
    id: 'set-1',
    profileId: profile.id,
    version: 1,
    createdAt: new Date().toISOString(),
    hypotheses: [{ id: 'h1', category: 'style', statement: 'Signs off with a dash and an initial.', evidence: [], confidence: 0.8, status: 'inferred' }],
    attributes: { role: null, domain: null, audiences: [], facts: [] },
    sampleIds: [],
    model: 'fake-model',
    provider: 'custom',
    usage: { promptTokens: 0, completionTokens: 0 },
  });
  const llm = createLlmClient({ provider: 'custom', baseURL: fake.baseURL, model: 'fake-model' }, null, { retry: { maxRetries: 0 } });
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const [popupSide, backgroundSide] = portPair(info?.name ?? '');
    serveRewritePort(backgroundSide, db, async () => llm);
    return popupSide;
  }) as typeof browser.runtime.connect);
});
afterEach(async () => {
  cleanup();
  fake.reset();
  await openIdiolectDatabase().rewriteFeedback.clear();
});
afterAll(() => fake.close());

describe('RewritePanel', () => {
  it('starts from what was kept for the tab, tries and all, and keeps it for the tab again', async () => {
    const kept = {
      draft: 'Dear Ana, the review moved.',
      source: { from: 'field' as const },
      kind: 'post' as const,
      length: 'shorter' as const,
      tries: [{ id: 't1', draft: 'Dear Ana, the review moved.', text: 'Ana - review moved.', finished: true, fidelity: null, profileId: null, setId: null, guidedBy: [] }],
      current: 0,
    };
    const set = vi.spyOn(browser.storage.session, 'set');
    render(<RewritePanel ready tabId={7} profileId={null} startsFrom={{ kept }} />);
    expect(screen.getByRole('textbox', { name: 'Draft' })).toHaveProperty('value', kept.draft);
    expect(screen.getByRole('combobox', { name: 'Kind of text' })).toHaveProperty('value', 'post');
    expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Ana - review moved.');
    await vi.waitFor(() => expect(set).toHaveBeenCalledWith({ 'popup-draft:7': kept }));
    set.mockRestore();
  });

  it('keeps what the person typed before the page’s text was read', async () => {
    const { rerender } = render(<RewritePanel ready tabId={7} profileId={null} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), 'Typed first');
    rerender(<RewritePanel ready tabId={7} profileId={null} startsFrom={{ page: { text: 'From the page', source: { from: 'field' } } }} />);
    expect(screen.getByRole('textbox', { name: 'Draft' })).toHaveProperty('value', 'Typed first');
  });

  it('rewrites with the chosen kind and length, and says which facts of the draft went missing', async () => {
    fake.script({ content: 'Hi team - demo is Wednesday, bring questions. - J' });
    render(<RewritePanel ready tabId={null} profileId={null} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), 'Dear all, the demo is on Tuesday in room 204, agenda at https://intra.example.com/agenda.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of text' }), 'comment');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Length' }), 'shorter');
    await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));

    const check = await screen.findByRole('alert', { name: 'Fact check' });
    expect(check.textContent).toContain('204 (number)');
    expect(check.textContent).toContain('https://intra.example.com/agenda (link)');
    expect(check.textContent).toContain('Wednesday (date or time)');
    expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Hi team - demo is Wednesday, bring questions. - J');
    const system = fake.chatRequests[0]!.chat.systemPrompt;
    expect(system).toMatch(/comment or a short reply/);
    expect(system).toMatch(/clearly shorter/);
  });

  it('says so when every fact survived', async () => {
    fake.script({ content: 'Hi all - demo Tuesday 3pm. - J' });
    render(<RewritePanel ready tabId={null} profileId={null} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), 'Dear all, the demo is on Tuesday at 3pm.');
    await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
    expect(await screen.findByText(/All names, numbers, dates and links of the draft are in the rewrite/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops a rewrite on Stop, keeping what arrived', async () => {
    fake.script({ delayMs: 60_000, then: { content: 'never' } });
    render(<RewritePanel ready tabId={null} profileId={null} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), 'Please review the plan by Friday.');
    await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Rewrite' })).toHaveProperty('disabled', false);
  });

  describe('a stream that does not end well is never shown as a finished rewrite', () => {
    const DRAFT = 'Please review the plan by Friday, thanks.';
    const PARTIAL = 'Hi all, could you look over the plan';

    async function rewriteAndWaitForAlert(): Promise<HTMLElement> {
      render(<RewritePanel ready tabId={null} profileId={null} />);
      await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), DRAFT);
      await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
      return screen.findByRole('alert');
    }

    it.each([
      ['ends without a finish or [DONE]', { finishReason: null, end: 'no-done' } as const, /ended before the model said it was done.*What it wrote is kept/],
      ['stops at the length limit', { finishReason: 'length' } as const, /stopped at its length limit.*What it wrote is kept/],
      ['loses its connection mid-stream', { finishReason: null, end: 'cut' } as const, /connection to .* broke .*What it wrote so far is kept/],
    ])('%s: says so, keeps what streamed, and Try again asks once more', async (_, ending, message) => {
      fake.script(
        { paced: [{ afterMs: 0, content: PARTIAL }], ...ending },
        { content: 'Hi all, could you look over the plan by Friday? Thanks.' },
      );
      const alert = await rewriteAndWaitForAlert();
      expect(alert.textContent).toMatch(message);
      expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', PARTIAL);
      expect(screen.queryByText(/All names, numbers, dates and links/)).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await screen.findByText(/All names, numbers, dates and links of the draft are in the rewrite/);
      expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Hi all, could you look over the plan by Friday? Thanks.');
      // The cut-off try stays, to step back to.
      expect(screen.getByText('Try 2 of 2')).toBeTruthy();
      expect(fake.chatRequests.map((request) => request.chat.userContent)).toEqual([
        fake.chatRequests[0]!.chat.userContent,
        fake.chatRequests[0]!.chat.userContent,
      ]);
    });

    it('says an empty answer is empty', async () => {
      fake.script({ content: '' });
      const alert = await rewriteAndWaitForAlert();
      expect(alert.textContent).toMatch(/no text at all/);
      expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    });
  });

  describe('working with tries', () => {
    const DRAFT = 'Dear all, the demo is on Tuesday at 3pm.';

    it('rewrites on Ctrl+Enter in the draft, and keeps each try to step through', async () => {
      fake.script({ content: 'Hi all - demo Tuesday 3pm. - J' }, { content: 'All: demo is Tuesday, 3pm. - J' });
      render(<RewritePanel ready tabId={null} profileId={null} />);
      const draft = screen.getByRole('textbox', { name: 'Draft' });
      await userEvent.type(draft, DRAFT);
      await userEvent.type(draft, '{Control>}{Enter}{/Control}');
      const result = screen.getByRole('textbox', { name: 'Rewritten draft' });
      await vi.waitFor(() => expect(result).toHaveProperty('value', 'Hi all - demo Tuesday 3pm. - J'));
      expect(draft).toHaveProperty('value', DRAFT);

      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'All: demo is Tuesday, 3pm. - J'));
      expect(screen.getByText('Try 2 of 2')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
      await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
      expect(screen.getByText('Try 1 of 2')).toBeTruthy();
      expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Hi all - demo Tuesday 3pm. - J');
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'All: demo is Tuesday, 3pm. - J');
      expect(fake.chatRequests).toHaveLength(2);
    });

    it('shows what the rewrite changed, word by word, and goes back to the text', async () => {
      fake.script({ content: 'Hi all, the demo is Tuesday at 3pm. - J' });
      render(<RewritePanel ready tabId={null} profileId={null} />);
      await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), DRAFT);
      await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
      await screen.findByText(/All names, numbers, dates and links/);
      const toggle = screen.getByRole('button', { name: 'Show changes' });
      expect(toggle.getAttribute('aria-pressed')).toBe('false');
      await userEvent.click(toggle);
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      const changes = await screen.findByRole('figure', { name: 'Changes from your draft' }, { timeout: 8000 }); // its first load transforms `diff`
      expect([...changes.querySelectorAll('del')].map((item) => item.textContent)).toContain('Dear');
      expect([...changes.querySelectorAll('ins')].map((item) => item.textContent).join(' ')).toContain('Hi');
      await userEvent.click(toggle);
      expect(screen.getByRole('textbox', { name: 'Rewritten draft' })).toHaveProperty('value', 'Hi all, the demo is Tuesday at 3pm. - J');
    });

    it('moves focus to Stop while it streams and to the result when done, announcing it; after Stop, back to Rewrite', async () => {
      fake.script({ paced: [{ afterMs: 0, content: 'Hi all -' }, { afterMs: 150, content: ' demo Tuesday 3pm. - J' }] }, { delayMs: 60_000, then: { content: 'never' } });
      render(<RewritePanel ready tabId={null} profileId={null} />);
      await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), DRAFT);
      await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
      await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stop' })));
      await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Rewritten draft' })));
      const announcement = screen.getAllByRole('status').find((region) => region.className === 'visually-hidden')!;
      await vi.waitFor(() => expect(announcement.textContent).toMatch(/^Rewrite ready, sounds like you: .+\.$/));

      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Stop' }));
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rewrite' }));
      expect(screen.getByText('Try 2 of 2')).toBeTruthy();
    });

    it('takes "Sounds like me" / "Not like me" with a note, stored with the hypotheses that guided the rewrite, and takes it back', async () => {
      fake.script({ content: 'Hi all - demo Tuesday 3pm. - J' });
      render(<RewritePanel ready tabId={null} profileId={null} />);
      await userEvent.type(screen.getByRole('textbox', { name: 'Draft' }), DRAFT);
      await userEvent.click(screen.getByRole('button', { name: 'Rewrite' }));
      const notMe = await screen.findByRole('button', { name: 'Not like me' });
      await vi.waitFor(() => expect(notMe).toHaveProperty('disabled', false));
      expect(notMe.getAttribute('aria-pressed')).toBe('false');
      await userEvent.click(notMe);
      await vi.waitFor(() => expect(notMe.getAttribute('aria-pressed')).toBe('true'));
      expect(screen.getByRole('button', { name: 'Sounds like me' }).getAttribute('aria-pressed')).toBe('false');
      await userEvent.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'I never sign with a dash');
      await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
      const db = openIdiolectDatabase();
      await vi.waitFor(async () => expect((await db.rewriteFeedback.toArray())[0]?.note).toBe('I never sign with a dash'));
      expect(await db.rewriteFeedback.toArray()).toMatchObject([
        { verdict: 'not-like-me', rewrite: 'Hi all - demo Tuesday 3pm. - J', hypothesisIds: ['h1'], setId: 'set-1' },
      ]);

      await userEvent.click(notMe);
      await vi.waitFor(() => expect(notMe.getAttribute('aria-pressed')).toBe('false'));
      expect(await db.rewriteFeedback.count()).toBe(0);
    });
  });
});
