import type { Browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { voiceForRewrite } from '../db/site-voices';
import { hostOf } from '../harvest/host-of';
import { cleanRewrite } from '../hyperalign/rewrite-prompt';
import type { LlmClient } from '../llm/types';
import { rememberRewrite } from './own-rewrites';
import { checkFidelity } from '../rewrite/fidelity';
import { rewriteDraftInUserVoice } from '../rewrite/rewrite-draft';
import { rewriteStartSchema, type RewriteEvent } from '../rewrite/rewrite-port';

/** Rewrites being written now, each with a way to stop it and tell its popup why. */
const rewritesInFlight = new Set<(reason: string) => void>();

/** "Delete all my data" stops every rewrite first, so none of them writes anything afterwards. */
export function stopRewritesInFlight(reason: string): void {
  for (const stop of rewritesInFlight) stop(reason);
}

/**
 * Serves one rewrite over a port; the popup or the in-page card closing (or Stop, Cancel) disconnects and cancels it.
 * When the text is complete, it is checked against the draft for lost or added facts.
 */
export function serveRewritePort(
  port: Browser.runtime.Port,
  db: IdiolectDatabase,
  connectLlm: () => Promise<LlmClient>,
): void {
  const cancel = new AbortController();
  const post = (event: RewriteEvent) => {
    if (!cancel.signal.aborted) port.postMessage(event);
  };
  const stop = (reason: string) => {
    post({ type: 'error', message: reason });
    cancel.abort();
  };
  rewritesInFlight.add(stop);
  port.onDisconnect.addListener(() => {
    rewritesInFlight.delete(stop);
    cancel.abort();
  });
  port.onMessage.addListener(async (raw: unknown) => {
    const start = rewriteStartSchema.safeParse(raw);
    if (!start.success) {
      post({ type: 'error', message: start.error.issues[0]?.message ?? 'The rewrite request was not understood.' });
      return;
    }
    const { draft, kind, length, adjustment, profileId, site } = start.data;
    let text = '';
    try {
      // Independent work, side by side: the person is waiting for the first word. The client
      // connects while the voice and then its prompt are read.
      // A rewrite asked for in a web page (the in-page card) is for that page's site, whatever it says.
      const pageSite = /^https?:/.test(port.sender?.url ?? '') ? hostOf(port.sender?.url) : null;
      const llm = connectLlm();
      // Awaited below; a failure while the voice is read must not go unhandled meanwhile.
      llm.catch(() => undefined);
      const profile = await voiceForRewrite(db, { profileId, site: pageSite ?? site });
      const { guidedBy, deltas } = await rewriteDraftInUserVoice(db, llm, { profileId: profile.id, draft, kind, length, adjustment }, cancel.signal);
      for await (const delta of deltas) {
        text += delta;
        post({ type: 'delta', text: delta });
      }
      if (cancel.signal.aborted) return;
      const final = cleanRewrite(text);
      post({ type: 'done', text: final, fidelity: checkFidelity(draft, final), profileId: profile.id, setId: guidedBy.setId, guidedBy: guidedBy.hypotheses });
      await rememberRewrite(db, final, cancel.signal);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
