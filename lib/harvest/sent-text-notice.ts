import { attachPageCard, SMALL_CARD_STYLE } from './page-card';

const STYLE = `${SMALL_CARD_STYLE}
.quiet{left:16px;right:auto;font-size:12px;padding:6px 10px;box-shadow:0 1px 2px rgb(0 0 0/.08)}
.problem{color:#b3261e;background:#fbe7e5;border-color:#b3261e}
@media (prefers-color-scheme:dark){.problem{color:#ff8a80;background:#3d1d1a;border-color:#ff8a80}}`;
let lastQuiet: HTMLElement | null = null;
/** Long enough to read, short enough not to linger over the page. */
const QUIET_FOR_MS = 6_000;
const PROBLEM_FOR_MS = 15_000;

/**
 * Says in the page, in a small card of its own (a closed shadow root), what happened to a text
 * the person just sent: quietly in a corner ("Kept for learning (3 of 4).", as a status), or, when
 * it could not be kept for a reason they can act on (the browser's storage is full), as an alert.
 * A quiet notice takes the place of the one before it.
 */
export function showSentTextNotice(doc: Document, message: string, tone: 'quiet' | 'problem'): void {
  const { host, card } = attachPageCard(doc, 'idiolect-notice', STYLE, tone === 'quiet' ? 'status' : 'alert');
  if (tone === 'quiet') {
    lastQuiet?.remove();
    lastQuiet = host;
  }
  card.classList.add(tone);
  const text = doc.createElement('p');
  text.textContent = message;
  card.append(text);
  const timer = setTimeout(() => host.remove(), tone === 'quiet' ? QUIET_FOR_MS : PROBLEM_FOR_MS);
  if (tone === 'quiet') return;
  const close = doc.createElement('button');
  close.textContent = 'Close';
  card.append(close);
  close.addEventListener('click', () => {
    clearTimeout(timer);
    host.remove();
  });
}
