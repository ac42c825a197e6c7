import { editableRootOf, isReadableUserField } from './field-privacy';
import type { SiteAdapter } from './site-adapter';

export interface SentText {
  field: HTMLElement;
  text: string;
}

const CONTROL_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"]';

/**
 * Calls `onSend` when the user sends what they wrote: a send control, a form submit, or
 * Ctrl/Cmd+Enter. Nothing is read before that moment, and only from the field the user typed in.
 * Returns a function that stops watching.
 */
export function watchForSends(doc: Document, site: SiteAdapter, onSend: (sent: SentText) => void): () => void {
  let lastEdited: HTMLElement | null = null;
  const lastSentText = new WeakMap<HTMLElement, string>();

  function send(editable: HTMLElement | null): void {
    if (!editable || !editable.isConnected) return;
    const field = site.userField(editable);
    if (!isReadableUserField(field)) return;
    const text = site.readText(field).trim();
    if (text === '' || lastSentText.get(field) === text) return;
    lastSentText.set(field, text);
    onSend({ field, text });
  }

  const onInput = (event: Event) => {
    const editable = editableRootOf(event.target);
    if (editable) lastEdited = editable;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send(editableRootOf(event.target));
  };
  const onClick = (event: MouseEvent) => {
    const control = event.target instanceof Element ? event.target.closest(CONTROL_SELECTOR) : null;
    if (!control || !site.isSendControl(control)) return;
    const form = control.closest('form');
    send(form ? editableInForm(form, lastEdited) : lastEdited);
  };
  const onSubmit = (event: Event) => {
    if (event.target instanceof HTMLFormElement) send(editableInForm(event.target, lastEdited));
  };

  doc.addEventListener('input', onInput, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('submit', onSubmit, true);
  return () => {
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('submit', onSubmit, true);
  };
}

/** The form's field the user typed in, else its first readable editor. */
function editableInForm(form: HTMLFormElement, lastEdited: HTMLElement | null): HTMLElement | null {
  if (lastEdited && form.contains(lastEdited)) return lastEdited;
  const candidates = form.querySelectorAll<HTMLElement>('textarea, [contenteditable]');
  for (const candidate of candidates) {
    const root = editableRootOf(candidate);
    if (root && isReadableUserField(root)) return root;
  }
  return null;
}
