import { editableRootOf, isReadableUserField } from '../harvest/field-privacy';
import { siteAdapterFor } from '../harvest/sites';
import type { SiteAdapter } from '../harvest/site-adapter';

export type BridgeResult<T> = ({ ok: true } & T) | { ok: false; error: string };

const NO_FIELD =
  'Idiolect could not find the text box you were writing in. Click into it, then open Idiolect again.';

/** As when harvesting: the editable the person is in must be readable; the site says which field holds it. */
function focusedUserField(doc: Document): { field: HTMLElement; site: SiteAdapter } | null {
  const site = siteAdapterFor(new URL(doc.location.href), doc);
  const editable = editableRootOf(doc.activeElement);
  if (!editable || !isReadableUserField(editable)) return null;
  const field = site.userField(editable);
  return field ? { field, site } : null;
}

/** Where the draft came from: the whole field, or the part of it the person had selected (which then is what gets replaced). */
export type DraftSource = { from: 'field' } | { from: 'selection'; selected: string };

/** The text selected inside the field, if any: a text box's own selection, or the page's inside a rich editor. */
function selectedText(doc: Document, field: HTMLElement): string {
  if (field instanceof doc.defaultView!.HTMLTextAreaElement || field instanceof doc.defaultView!.HTMLInputElement) {
    const { selectionStart, selectionEnd, value } = field;
    return selectionStart === null || selectionEnd === null ? '' : value.slice(selectionStart, selectionEnd);
  }
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  return field.contains(selection.getRangeAt(0).commonAncestorContainer) ? selection.toString() : '';
}

/**
 * The draft in the field the user was last in, read only because they asked for it (and never
 * from a password, payment, one-time-code or search field). A selection inside it wins over the
 * whole field: the person marked what they want rewritten.
 */
export function readFocusedDraft(doc: Document): BridgeResult<{ text: string; source: DraftSource }> {
  const focused = focusedUserField(doc);
  if (!focused) return { ok: false, error: NO_FIELD };
  const selected = selectedText(doc, focused.field);
  if (selected.trim()) return { ok: true, text: selected.trim(), source: { from: 'selection', selected } };
  const text = focused.site.readText(focused.field).trim();
  return text ? { ok: true, text, source: { from: 'field' } } : { ok: false, error: 'The text box you were writing in is empty.' };
}

const SELECTION_GONE = 'The text you had selected in the page has changed. Select it again, or use Copy and paste the rewrite.';

/** Replaces what the person selected, and only that, once it is still what they selected. */
function replaceSelection(doc: Document, field: HTMLElement, selected: string, text: string): BridgeResult<object> {
  if (selectedText(doc, field) !== selected) return { ok: false, error: SELECTION_GONE };
  const view = doc.defaultView!;
  if (field instanceof view.HTMLTextAreaElement || field instanceof view.HTMLInputElement) {
    const start = field.selectionStart ?? 0;
    const before = field.value.slice(0, start);
    const after = field.value.slice(field.selectionEnd ?? start);
    field.focus();
    field.setSelectionRange(start, start + selected.length);
    if (!doc.execCommand('insertText', false, text) || field.value !== before + text + after) {
      field.setRangeText(text, start, start + selected.length, 'end');
      field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
    }
    return field.value === before + text + after ? { ok: true } : { ok: false, error: SELECTION_GONE };
  }
  return doc.execCommand('insertText', false, text) ? { ok: true } : { ok: false, error: 'This page’s editor did not accept the text. Use Copy and paste it instead.' };
}

/** Puts the rewrite into the focused field, through the site's own editor so it sticks: in place of the selection the draft came from, or of the whole text. */
export async function insertIntoFocusedField(doc: Document, text: string, source: DraftSource = { from: 'field' }): Promise<BridgeResult<object>> {
  const focused = focusedUserField(doc);
  if (!focused) return { ok: false, error: NO_FIELD };
  if (source.from === 'selection') return replaceSelection(doc, focused.field, source.selected, text);
  const result = await focused.site.writeText(focused.field, text);
  return result.ok
    ? { ok: true }
    : { ok: false, error: 'This page’s editor did not accept the text. Use Copy and paste it instead.' };
}
