import { editableRootOf, isReadableUserField } from '../harvest/field-privacy';
import type { SiteAdapter } from '../harvest/site-adapter';
import type { FieldSelection } from '../harvest/write-back';
import type { DraftKind } from '../hyperalign/rewrite-choices';

/** What the card rewrites: the text selected in the field the person is in, or all of its text. */
export interface FieldDraft {
  /** The editable the person was in, which gets focus back when the card closes. */
  editable: HTMLElement;
  /** The element holding the person's text, as the site's adapter knows it. */
  field: HTMLElement;
  text: string;
  kind: DraftKind;
  /** Present when only a selection is rewritten (and replaced). */
  selection?: FieldSelection;
}

/**
 * The draft in the field that has focus, read only because the person asked for a rewrite, and
 * never from a password, payment, one-time-code, search or hidden field. Null when there is none.
 */
export function draftInFocusedField(doc: Document, site: SiteAdapter): FieldDraft | null {
  const editable = editableRootOf(deepActiveElement(doc));
  if (!editable || !isReadableUserField(editable)) return null;
  const field = site.userField(editable);
  if (!field) return null;
  const kind = site.kindOf(field);
  const selection = selectionIn(doc, editable);
  if (selection) return { editable, field, kind, ...selection };
  const text = site.readText(field).trim();
  return text ? { editable, field, text, kind } : null;
}

/** The selected text in `editable` and where it is, when something non-blank is selected there. */
function selectionIn(doc: Document, editable: HTMLElement): { text: string; selection: FieldSelection } | null {
  if (editable.tagName === 'TEXTAREA') {
    const area = editable as HTMLTextAreaElement;
    const text = area.value.slice(area.selectionStart, area.selectionEnd);
    return text.trim() ? { text, selection: { start: area.selectionStart, end: area.selectionEnd } } : null;
  }
  const selected = doc.getSelection();
  if (!selected || selected.rangeCount === 0 || selected.isCollapsed) return null;
  const range = selected.getRangeAt(0);
  if (!editable.contains(range.commonAncestorContainer)) return null;
  const text = range.toString();
  return text.trim() ? { text, selection: { range: range.cloneRange() } } : null;
}

/** The focused element, also inside open shadow roots (Reddit's composer). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
