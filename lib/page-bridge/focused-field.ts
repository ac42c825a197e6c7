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

/**
 * The draft in the field the user was last in, read only because they asked for it (and never
 * from a password, payment, one-time-code or search field).
 */
export function readFocusedDraft(doc: Document): BridgeResult<{ text: string }> {
  const focused = focusedUserField(doc);
  if (!focused) return { ok: false, error: NO_FIELD };
  const text = focused.site.readText(focused.field).trim();
  return text ? { ok: true, text } : { ok: false, error: 'The text box you were writing in is empty.' };
}

/** Replaces the focused field's text with the rewrite, through the site's own editor so it sticks. */
export async function insertIntoFocusedField(doc: Document, text: string): Promise<BridgeResult<object>> {
  const focused = focusedUserField(doc);
  if (!focused) return { ok: false, error: NO_FIELD };
  const result = await focused.site.writeText(focused.field, text);
  return result.ok
    ? { ok: true }
    : { ok: false, error: 'This page’s editor did not accept the text. Use Copy and paste it instead.' };
}
