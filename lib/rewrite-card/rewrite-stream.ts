import { browser } from 'wxt/browser';
import { IN_PAGE_REWRITE_PORT_NAME, rewriteEventSchema, type RewriteEvent, type RewriteStart } from '../rewrite/rewrite-port';

const STOPPED = 'The rewrite stopped unexpectedly. Try again.';

/**
 * Asks the background for one rewrite and passes on what it streams, each event checked against
 * the port's schema before the card shows anything. Returns a function that cancels it.
 */
export function streamRewrite(request: Omit<RewriteStart, 'type'>, onEvent: (event: RewriteEvent) => void): () => void {
  const port = browser.runtime.connect({ name: IN_PAGE_REWRITE_PORT_NAME });
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    port.disconnect();
  };
  port.onMessage.addListener((raw: unknown) => {
    const event = rewriteEventSchema.safeParse(raw);
    if (!open || !event.success) return;
    if (event.data.type !== 'delta') close();
    onEvent(event.data);
  });
  port.onDisconnect.addListener(() => {
    if (!open) return;
    open = false;
    onEvent({ type: 'error', message: STOPPED });
  });
  port.postMessage({ type: 'start', ...request });
  return close;
}
