import type { Browser } from 'wxt/browser';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile, listProfiles } from '../db/profiles';
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
 * Serves one rewrite over a port; the popup closing (or pressing Stop) disconnects and cancels it.
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
    const { draft, kind, length } = start.data;
    let text = '';
    try {
      // Independent reads, side by side: the person is waiting for the first word.
      const [profileId, llm] = await Promise.all([voiceFor(db, start.data.profileId), connectLlm()]);
      const { guidedBy, deltas } = await rewriteDraftInUserVoice(db, llm, { profileId, draft, kind, length }, cancel.signal);
      for await (const delta of deltas) {
        text += delta;
        post({ type: 'delta', text: delta });
      }
      if (cancel.signal.aborted) return;
      const final = cleanRewrite(text);
      post({ type: 'done', text: final, fidelity: checkFidelity(draft, final), profileId, setId: guidedBy.setId, guidedBy: guidedBy.hypotheses });
      await rememberRewrite(db, final, cancel.signal);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** The voice the popup chose, while it exists; the active one otherwise. */
async function voiceFor(db: IdiolectDatabase, chosen: string | undefined): Promise<string> {
  if (chosen && (await listProfiles(db)).some((profile) => profile.id === chosen)) return chosen;
  return (await ensureActiveProfile(db)).id;
}
