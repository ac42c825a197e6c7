import type { SiteAdapter } from '../site-adapter';

const SEND_LABEL = /^\s*(send|post|reply|comment|publish|submit|tweet|save|add comment|post comment|post reply|respond|share)\b/i;

function labelOf(control: Element): string {
  const value = control instanceof HTMLInputElement ? control.value : '';
  return [control.getAttribute('aria-label'), control.textContent, value, control.getAttribute('title')]
    .map((text) => text?.trim() ?? '')
    .find((text) => text !== '') ?? '';
}

export function readEditableText(field: HTMLElement): string {
  if (field instanceof HTMLTextAreaElement) return field.value;
  return field.innerText;
}

/** Any textarea or rich-text editor on a site the user allowed, sent by a button, a form or Ctrl/Cmd+Enter. */
export const genericSite: SiteAdapter = {
  id: 'generic',
  appliesTo: () => true,
  kind: 'other',
  userField: (editable) => editable,
  isSendControl: (control) => {
    if (control instanceof HTMLButtonElement && control.type === 'submit' && control.form) return true;
    if (control instanceof HTMLInputElement && control.type === 'submit') return true;
    return SEND_LABEL.test(labelOf(control));
  },
  readText: readEditableText,
  recipientDomain: () => null,
};
