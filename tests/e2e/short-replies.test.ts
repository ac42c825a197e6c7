import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { sendMessageOnPage } from './support/compose-page';
import { launchWithExtension, readStoredSamples, type ExtensionBrowser } from './support/extension-browser';
import { allowSiteFromOptions, configureEndpointFromOptions } from './support/options-page';
import { startPageServer, type PageServer } from './support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './support/scripted-profile';

const API_KEY = 'sk-test-short-replies';
/** What most people send most of the time: replies of a line or two (8 to 15 words each). */
const SHORT_REPLIES = [
  'Sounds good, see you at 3. Thanks! - J',
  'Yep, Thursday works for me. I will bring the slides. - J',
  'Thanks Ben, merged it just now. Shout if the build breaks again. - J',
  'Sorry, running ten minutes late. Start without me please. - J',
];

describe('a person who only sends short replies', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    llm.script(profileReplyFor);
    pages = await startPageServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.close();
  });

  it('gets a profile from four of them', async () => {
    const options = await allowSiteFromOptions(browser, '127.0.0.1');
    await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey: API_KEY });
    const compose = await browser.context.newPage();
    await compose.goto(pages.url('compose.html'));
    for (const reply of SHORT_REPLIES) await sendMessageOnPage(compose, reply);

    await expect.poll(async () => (await readStoredSamples(options)).map((sample) => sample.text).sort()).toEqual([...SHORT_REPLIES].sort());
    await options.getByRole('list', { name: `Evidence for “${SCRIPTED_HYPOTHESES[0]}”` }).waitFor();
    const prompt = llm.chatRequests[0]!.chat.userContent;
    for (const reply of SHORT_REPLIES) expect(prompt).toContain(reply);
    expect(prompt.match(/length="short"/g)).toHaveLength(4);
  });
});
