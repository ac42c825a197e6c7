import { accessibleLabelOf, readFieldText } from './define-site';
import type { SiteAdapter } from '../site-adapter';
import { writeText } from '../write-back';

const SEND_LABEL = /^\s*(send|post|reply|comment|publish|submit|tweet|save|add comment|post comment|post reply|respond|share)\b/i;

/** Any textarea or rich-text editor on a site the user allowed, sent by a button, a form or Ctrl/Cmd+Enter. */
export const genericSite: SiteAdapter = {
  id: 'generic',
  appliesTo: () => true,
  kind: 'other',
  kindOf: () => 'other',
  userField: (editable) => (editable.closest('[role="search"], [role="searchbox"], [role="combobox"]') ? null : editable),
  isSendControl: (control) => {
    if (control.tagName === 'BUTTON' && (control as HTMLButtonElement).type === 'submit' && (control as HTMLButtonElement).form) return true;
    if (control.tagName === 'INPUT' && (control as HTMLInputElement).type === 'submit') return true;
    return SEND_LABEL.test(accessibleLabelOf(control));
  },
  readText: (field) => readFieldText(field),
  recipientDomain: () => null,
  writeText: (field, text, selection) => writeText(field, text, { selection }),
};
