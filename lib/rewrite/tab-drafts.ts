import { z } from 'zod';
import { browser } from 'wxt/browser';
import { draftKindSchema, lengthChoiceSchema } from '../hyperalign/rewrite-choices';
import { fidelityReportSchema } from './fidelity';

/**
 * What the popup was doing for one tab: the draft, the tries and which one is shown, kept in the
 * browser's session storage (memory only, never synced, cleared when the browser closes) so that
 * closing and reopening the popup over the same tab finds it again. Never the API key.
 */
export const rewriteTrySchema = z.object({
  id: z.string().min(1),
  /** The draft this try rewrote, for "Show changes". */
  draft: z.string(),
  text: z.string(),
  /** Whether the rewrite ran to its end (not stopped); only then are facts checked and a verdict asked for. */
  finished: z.boolean(),
  /** Absent once the person edits the text: it no longer describes it. */
  fidelity: fidelityReportSchema.nullable(),
  profileId: z.string().nullable(),
  setId: z.string().nullable(),
  guidedBy: z.array(z.object({ id: z.string(), statement: z.string() })),
});
export type RewriteTry = z.infer<typeof rewriteTrySchema>;

export const draftSourceSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('field') }),
  z.object({ from: z.literal('selection'), selected: z.string() }),
]);

export const MAX_TRIES = 10;

export const tabDraftSchema = z.object({
  draft: z.string().max(20_000),
  source: draftSourceSchema,
  kind: draftKindSchema,
  length: lengthChoiceSchema,
  tries: z.array(rewriteTrySchema).max(MAX_TRIES),
  current: z.number().int().min(0),
});
export type TabDraft = z.infer<typeof tabDraftSchema>;

const keyOf = (tabId: number) => `popup-draft:${tabId}`;

/** The tab's draft as last left, or null (none yet, or unreadable). */
export async function readTabDraft(tabId: number): Promise<TabDraft | null> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  const parsed = tabDraftSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Tries still streaming are not kept: their stream ends with the popup. */
export async function writeTabDraft(tabId: number, draft: TabDraft): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: tabDraftSchema.parse(draft) });
}

/** When the tab closes, its draft goes with it. */
export async function forgetTabDraft(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** "Delete all my data": every tab's draft too. */
export async function forgetEveryTabDraft(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith('popup-draft:'));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
