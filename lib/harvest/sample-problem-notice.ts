import { attachPageCard } from './page-card';

const STYLE = `
  :host { all: initial; }
  .card { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 320px;
    font: 13px/1.4 system-ui, sans-serif; color: #5c1010; background: #fff7f7; border: 1px solid #d9a3a3;
    border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 10px 12px; }
  p { margin: 0 0 8px; }
  button { font: inherit; padding: 3px 10px; cursor: pointer; }
`;
/** Long enough to read, short enough not to linger over the page. */
const DISMISS_AFTER_MS = 15_000;

/**
 * Says in the page, in a small card of its own (a shadow root the page's styles cannot reach),
 * that a text the person just sent could not be kept, and why (e.g. the browser's storage is full).
 */
export function showSampleProblem(doc: Document, reason: string): void {
  const { host, card } = attachPageCard(doc, 'idiolect-notice', STYLE, 'alert');
  const message = doc.createElement('p');
  message.textContent = `Idiolect could not keep what you just sent. ${reason}`;
  const close = doc.createElement('button');
  close.textContent = 'Close';
  card.append(message, close);
  const timer = setTimeout(() => host.remove(), DISMISS_AFTER_MS);
  close.addEventListener('click', () => {
    clearTimeout(timer);
    host.remove();
  });
}
