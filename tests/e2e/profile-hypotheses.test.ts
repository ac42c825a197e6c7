import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type ChatRequest, type FakeOpenAI, type Reply } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import type { ExtensionBrowser } from './support/extension-browser';
import { launchWithLearnedProfile, type LearnedProfileSetup } from './support/learned-profile';
import type { PageServer } from './support/page-server';
import { SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-profile-hypotheses-secret';
const [FIRST, SECOND, THIRD] = SCRIPTED_HYPOTHESES as [string, string, string];
const ADDED = 'Is warm and direct with the people on their team.';
const FIFTH_TEXT = 'Hi Ana, the design review moved to Thursday at ten. Could you bring the latest mockups? Thanks, J';

/** The second version: the model retires what it may review, adds one, and answers other attributes than the person set. */
function refinementReplyFor(request: ChatRequest): Reply {
  const refs = [...request.chat.userContent.matchAll(/^(H\d+) /gm)].map(([, ref]) => ref!);
  const [, sampleId = 's1', firstLine = ''] = request.chat.userContent.match(/<sample id="([^"]+)"[^>]*>\n([^\n]*)/) ?? [];
  return {
    json: {
      reviewed: refs.map((ref) => ({ ref, verdict: 'retire', statement: null, evidence: [], confidence: 0 })),
      added: [{ category: 'personality', statement: ADDED, evidence: [{ sampleId, quote: firstLine.split(' ').slice(0, 3).join(' ') }], confidence: 0.7 }],
      attributes: { role: 'Software engineer', domain: 'fintech', audiences: ['clients'], facts: ['Lives in Porto'] },
    },
  };
}

describe('the Profile section: what Idiolect learned, corrected by the person, and how it changed', () => {
  let setup: LearnedProfileSetup;
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    setup = await launchWithLearnedProfile(API_KEY);
    ({ llm, pages, browser, options } = setup);
  });

  afterAll(() => setup?.close());

  it('shows the hypotheses by category with evidence that opens its sample', async () => {
    const style = options.getByRole('list', { name: 'Writing style 2' });
    await style.getByText(FIRST).waitFor();
    await style.getByText(SECOND).waitFor();
    await options.getByRole('list', { name: 'Communication strategies 1' }).getByText(THIRD).waitFor();
    const quote = options.getByRole('list', { name: `Evidence for “${FIRST}”` }).getByRole('link').first();
    expect(await quote.getAttribute('href')).toMatch(/^options\.html#samples\?sample=.+/);
  });

  it('edits About you, pins one hypothesis and rejects another', async () => {
    const role = options.getByRole('textbox', { name: 'Role', exact: true });
    expect(await role.inputValue()).toBe('Team lead');
    await role.fill('Engineering manager');
    await options.getByRole('textbox', { name: 'New fact', exact: true }).fill('Hikes at weekends');
    await options.getByRole('button', { name: 'Add fact', exact: true }).click();
    await options.getByRole('button', { name: 'Update About you' }).click();
    await options.getByRole('region', { name: 'About you' }).getByRole('status').getByText(/^Saved\./).waitFor();

    await options.getByRole('button', { name: `Pin “${FIRST}”` }).click();
    await options.locator(`button[aria-label="Pin “${FIRST}”"][aria-pressed="true"]`).waitFor();
    await options.getByRole('button', { name: `Reject “${SECOND}”` }).click();
    await options.getByRole('list', { name: 'Writing style 1' }).waitFor();
    await options.getByText('Rejected by you (1)').waitFor();
  });

  it('learns a second version on “Learn now” that keeps the person’s edits, and History shows what changed', async () => {
    llm.script(refinementReplyFor);
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    await sendMessageOnPage(compose, FIFTH_TEXT);
    await compose.close();
    await options.bringToFront();
    await options.getByRole('button', { name: 'Learn now', exact: true }).click();
    await options.getByText('Done: version 2 is your profile now.').waitFor();

    expect(await options.getByRole('textbox', { name: 'Role', exact: true }).inputValue()).toBe('Engineering manager');
    expect(await options.getByRole('textbox', { name: 'Domain', exact: true }).inputValue()).toBe('fintech');
    await options.getByRole('list', { name: 'Facts', exact: true }).getByText('Hikes at weekends').waitFor();
    await expect(options.getByText('Lives in Porto').count()).resolves.toBe(0);
    await options.getByRole('list', { name: 'Personality 1' }).getByText(ADDED).waitFor();

    const history = options.getByRole('region', { name: 'History' });
    await history.getByRole('list', { name: 'Versions of this profile' }).getByText(/^Version 2 · .* · fake-model · saw \d+ samples$/).waitFor();
    await history.getByRole('status').getByText('From version 1 to version 2: 1 added, 0 revised, 1 retired, 1 confirmed.').waitFor();
    await history.getByRole('list', { name: 'Added 1' }).getByText(ADDED).waitFor();
    await history.getByRole('list', { name: 'Retired 1' }).getByText(THIRD).waitFor();
    await history.getByRole('list', { name: 'Confirmed 1' }).getByText(FIRST).waitFor();
  });
});
