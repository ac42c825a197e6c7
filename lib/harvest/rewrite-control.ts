import { REWRITE_IN_PLACE_KEY } from '@/lib/shortcuts/keyboard-shortcuts';
import { editableRootOf, isReadableUserField } from './field-privacy';
import type { SiteAdapter } from './site-adapter';

const STYLE = `:host{all:initial}button{position:fixed;z-index:2147483646;font:600 12px/1 system-ui,sans-serif;padding:5px 9px;
border-radius:999px;border:1px solid #a9a7a0;background:#fff;color:#3b4fc4;box-shadow:0 1px 2px rgb(0 0 0/.12);cursor:pointer;opacity:.85}
button:hover,button:focus-visible{opacity:1;outline:2px solid #3b4fc4;outline-offset:1px}
@media (prefers-color-scheme:dark){button{background:#201f1d;color:#93a3ff;border-color:#5c5a54}}`;

/**
 * A small "Rewrite" control at the corner of the field being written in, shown once it has some
 * text, never on a field that may not be read (passwords, codes, payment, search, hidden). Pressing
 * it keeps the focus and selection in the field and calls `onPress`. Returns a function that removes it.
 */
export function offerRewriteBeside(doc: Document, site: SiteAdapter, onPress: () => void): () => void {
  const host = doc.createElement('idiolect-rewrite-control');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const control = doc.createElement('button');
  control.type = 'button';
  control.textContent = 'Rewrite';
  control.title = `Rewrite in your voice (${REWRITE_IN_PLACE_KEY})`;
  root.append(style, control);
  let field: HTMLElement | null = null;

  const place = () => {
    if (!field?.isConnected) return hide();
    const box = field.getBoundingClientRect();
    // Just under the field's corner, off the person's text; inside the corner when the field ends the view.
    const below = box.bottom + control.offsetHeight + 4 <= innerHeight;
    control.style.left = `${Math.round(box.right - control.offsetWidth)}px`;
    control.style.top = `${Math.round(below ? box.bottom + 4 : box.bottom - control.offsetHeight - 6)}px`;
  };
  const hide = () => {
    field = null;
    host.remove();
  };
  const consider = (event: Event) => {
    const editable = editableRootOf(event.composedPath()[0] ?? event.target);
    if (!editable || !isReadableUserField(editable) || !site.userField(editable)) return;
    const hasText = (editable.tagName === 'TEXTAREA' ? (editable as HTMLTextAreaElement).value : editable.textContent ?? '').trim() !== '';
    if (!hasText) return hide();
    field = editable;
    if (!host.isConnected) doc.body.append(host);
    place();
  };
  const leave = (event: FocusEvent) => {
    if (event.relatedTarget !== host) hide();
  };
  // Pressing it must not take the focus (or the selection) from the field.
  control.addEventListener('mousedown', (event) => event.preventDefault());
  control.addEventListener('click', (event) => {
    if (event.isTrusted) onPress();
  });
  const listeners: [string, EventListener, boolean][] = [
    ['focusin', consider, true],
    ['input', consider, true],
    ['focusout', leave as EventListener, true],
    ['scroll', place, true],
  ];
  for (const [type, listener, capture] of listeners) doc.addEventListener(type, listener, { capture, passive: true });
  return () => {
    for (const [type, listener, capture] of listeners) doc.removeEventListener(type, listener, capture);
    hide();
  };
}
