import type { Page } from 'playwright-core';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai';
import { sendMessageOnPage } from './compose-page';
import { launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { allowSiteFromOptions, configureEndpointFromOptions } from './options-page';
import { startPageServer, type PageServer } from './page-server';
import { profileReplyFor, SCRIPTED_HYPOTHESES } from './scripted-profile';

export const LEARNING_TEXTS = [
  'Hi Priya, thanks for the notes on the onboarding doc. I folded in most of them and left two questions in the margin for you.',
  'Team, the offsite is confirmed for the 14th at the lake house. Bring walking shoes, the plan is a long hike after lunch.',
  'Quick update: the invoice went out this morning and finance expects the payment within thirty days, as agreed in the contract.',
  'Hey Tom, could you look at the flaky checkout test before Friday? It failed three times last night and nobody knows why yet.',
];

/**
 * Gets the extension to the point where it knows the user's voice, the way a user does: endpoint
 * and site set in the options, four texts sent on the page, and the profile shown once learned.
 * Returns the options page, left open.
 */
export async function learnProfileFromSentTexts(
  browser: ExtensionBrowser,
  pages: PageServer,
  llm: FakeOpenAI,
  apiKey: string,
): Promise<Page> {
  llm.script(profileReplyFor);
  const options = await allowSiteFromOptions(browser, '127.0.0.1');
  await configureEndpointFromOptions(options, { baseURL: llm.baseURL, model: 'fake-model', apiKey });
  const compose = await browser.context.newPage();
  await compose.goto(pages.url('compose.html'));
  for (const text of LEARNING_TEXTS) await sendMessageOnPage(compose, text);
  await compose.close();
  await options.getByRole('list', { name: `Evidence for “${SCRIPTED_HYPOTHESES[0]}”` }).waitFor();
  return options;
}

/** A fresh browser, page server and stand-in model, with a profile already learned; `close` ends all three. */
export interface LearnedProfileSetup {
  llm: FakeOpenAI;
  pages: PageServer;
  browser: ExtensionBrowser;
  /** The options page the profile was learned from, left open. */
  options: Page;
  close(): Promise<void>;
}

export async function launchWithLearnedProfile(apiKey: string): Promise<LearnedProfileSetup> {
  const llm = await startFakeOpenAI({ apiKey });
  const pages = await startPageServer();
  const browser = await launchWithExtension();
  const close = async () => {
    await browser.close();
    await pages.close();
    await llm.close();
  };
  try {
    return { llm, pages, browser, options: await learnProfileFromSentTexts(browser, pages, llm, apiKey), close };
  } catch (error) {
    await close();
    throw error;
  }
}
