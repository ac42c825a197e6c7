import type { TextKind } from '../db/records';

/** Everything Idiolect needs to know about one site's editors, kept in one file per site. */
export interface SiteAdapter {
  id: string;
  /** Whether this adapter applies to the page at `url`. */
  appliesTo(url: URL): boolean;
  kind: TextKind;
  /** Given the editable the user worked in, the field that holds their own text (or null if it is not theirs). */
  userField(editable: HTMLElement): HTMLElement | null;
  /** Whether activating `control` sends what the user wrote. */
  isSendControl(control: Element): boolean;
  readText(field: HTMLElement): string;
  /** The recipient's domain for email, when the page shows it. */
  recipientDomain(field: HTMLElement): string | null;
}
