import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { startPageServer, type PageServer } from '../e2e/support/page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from '../e2e/support/scripted-profile';
import { launchFirefoxWithExtension, readStore, readStoredSampleTexts, type FirefoxWithExtension } from './support/firefox-browser';
import { allowSiteFromOptions, configureEndpointFromOptions, sendMessageOnPage } from './support/firefox-flows';
import { Keys, type FirefoxTab } from './support/firefox-tab';

const API_KEY = 'sk-firefox-walking-skeleton';
const SENT = [
  'Hi Maria, the release moved to Thursday because QA found two blockers in the payment flow. Can you tell the client before their standup? - J',
  'Morning all, quick one: the staging server restarts at 6pm tonight for the database upgrade, so save your work before then please. - J',
  'Thanks Ben, short answer is yes, we can take the extra ticket this sprint if design signs off on the mockups by Friday. - J',
  'Hey Sam, I pushed the fix for the login loop on mobile, could you check it on your phone before lunch and tell me how it goes? - J',
];
const TYPED_NOT_SENT = 'This draft about the secret reorganisation plan for the whole department was typed into the comment box but never sent anywhere at all.';
const SENT_ON_OTHER_SITE = 'This message was sent on a site the user never allowed Idiolect to read from, so it must never reach the background or the model.';
const PASSWORD = 'correct horse battery staple';
const DRAFT = 'Dear colleagues, I would like to inform you that the quarterly review has been moved to 10 June at 9:30.';
const REWRITE =
  'Hi all, heads up: the quarterly review moved to 10 June at 9:30. Shout if that clashes with anything and we will find another slot together. See you there!';

describe('Firefox: sent texts become a profile, and a streamed rewrite goes into the page', () => {
  let llm: FakeOpenAI;
  let pages: PageServer;
  let firefox: FirefoxWithExtension;
  let compose: FirefoxTab;
  let popup: FirefoxTab;

  beforeAll(async () => {
    llm = await startFakeOpenAI({ apiKey: API_KEY });
    llm.script(profileReplyFor);
    pages = await startPageServer();
    firefox = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await pages?.close();
    await llm?.close();
  });

  it('is configured from the options page: an allowed site, endpoint and key', async () => {
    const options = await allowSiteFromOptions(firefox, '127.0.0.1');
    await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey: API_KEY });
    await options.close();
  });

  it('stores the four texts the user sent, and nothing typed but unsent, sent elsewhere, or a password', async () => {
    compose = await firefox.openPage(pages.url('compose.html'));
    await sendMessageOnPage(compose, SENT[0]!);
    await compose.getByRole('textbox', 'Comment').fill(SENT[1]!);
    await compose.getByRole('button', 'Post').click();
    await compose.getByRole('list', 'Sent').waitForText(SENT[1]!);
    await compose.getByRole('textbox', 'Message').fill(SENT[2]!);
    await compose.getByRole('textbox', 'Message').type(Keys.Control + Keys.Enter);
    await compose.getByRole('list', 'Sent').waitForText(SENT[2]!);

    const elsewhere = await firefox.openPage(pages.url('compose.html', 'localhost'));
    await sendMessageOnPage(elsewhere, SENT_ON_OTHER_SITE);
    await elsewhere.close();

    await compose.getByRole('textbox', 'Comment').fill(TYPED_NOT_SENT);
    await compose.getByLabel('Password').fill(PASSWORD);
    await sendMessageOnPage(compose, SENT[3]!);

    popup = await firefox.openPopupOver(compose);
    await popup.waitForText('4 samples');
    expect(await readStoredSampleTexts(popup)).toEqual([...SENT].sort());
    const sites = (await readStore<{ site: string }>(popup, 'samples')).map((sample) => sample.site);
    expect(sites.every((site) => site === '127.0.0.1')).toBe(true);
  });

  it('infers the profile once, from exactly those four samples, and shows it in the popup', async () => {
    const [inference] = await llm.waitForRequests(1, { timeoutMs: 15_000 });
    expect(inference!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(inference!.headers.origin).toBe(firefox.extensionOrigin);
    const prompt = inference!.chat.userContent;
    for (const text of SENT) expect(prompt).toContain(text);
    for (const text of [TYPED_NOT_SENT, SENT_ON_OTHER_SITE, PASSWORD, 'hidden-token-never-read']) expect(prompt).not.toContain(text);
    // What was learned sits behind the popup's "How you write" button; pressed again, it closes.
    await popup.getByRole('button', 'How you write').click();
    const hypotheses = popup.getByRole('list', 'How you write');
    for (const statement of SCRIPTED_HYPOTHESES) await hypotheses.waitForText(statement);
    await popup.getByRole('button', 'How you write').click();
    expect(llm.chatRequests).toHaveLength(1);
  });

  it('takes the draft from the page, streams the rewrite, and puts it into the page', async () => {
    await compose.getByRole('textbox', 'Comment').fill(DRAFT);
    await popup.getByRole('button', 'Use text from page').click();
    await popup.getByRole('textbox', 'Draft').waitForValue(DRAFT);

    llm.script({ content: REWRITE });
    await popup.getByRole('button', 'Rewrite').click();
    await popup.getByRole('textbox', 'Rewritten draft').waitForValue(REWRITE);
    const rewrite = llm.chatRequests.at(-1)!;
    expect(rewrite.chat.stream).toBe(true);
    for (const statement of SCRIPTED_HYPOTHESES) expect(rewrite.chat.systemPrompt).toContain(statement);
    await popup.getByRole('button', 'Insert into page').click();
    await popup.waitForText('Put into the page');
    await compose.getByRole('status', 'Comment seen by the page').waitForText(REWRITE);
  });

  it('lets the page’s own undo take the rewrite back', async () => {
    await compose.getByRole('textbox', 'Comment').click();
    await compose.pressKeys(Keys.Control + 'z');
    await compose.getByRole('textbox', 'Comment').waitForText(DRAFT);
    await compose.getByRole('status', 'Comment seen by the page').waitForText(DRAFT);
    expect(await compose.getByRole('textbox', 'Comment').textContent()).not.toContain(REWRITE);
  });
});
