import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';

/**
 * Tells every open tab that the collection policy changed; the harvesting scripts among them ask
 * for theirs again. Tabs without one simply do not answer.
 */
export async function announceHarvestPolicyChange(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendMessage('harvestPolicyChanged', undefined, tab.id).catch(() => undefined))),
  );
}
