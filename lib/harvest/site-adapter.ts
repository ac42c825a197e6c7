import type { TextKind } from '../db/records';
import type { FieldSelection, WriteResult } from './write-back';

/** Everything Idiolect needs to know about one site's editors, kept in one file per site. */
export interface SiteAdapter {
  id: string;
  /** Whether this adapter applies to the page at `url` (some sites, like Discourse, are recognised by the page itself). */
  appliesTo(url: URL, doc?: Document): boolean;
  /** What the user usually writes here: an email, a post, a comment, or something else. */
  kind: TextKind;
  /** What the user is writing in this `field` (a reply box on a blog is a comment, its editor a post). */
  kindOf(field: HTMLElement): TextKind;
  /**
   * Given the editable the user typed in, the element that holds their own text (the editable
   * itself, or the document it belongs to, as in a block editor), or null when it is not a field
   * whose text is the user's own writing on this site.
   */
  userField(editable: HTMLElement): HTMLElement | null;
  /** Whether activating `control` sends (posts, publishes) what the user wrote. */
  isSendControl(control: Element): boolean;
  /** The user's text in `field`, with paragraphs, leaving out what the site marks as quoted or signature. */
  readText(field: HTMLElement): string;
  /** The recipient's domain for email, when the compose window shows it. */
  recipientDomain(field: HTMLElement): string | null;
  /**
   * Replaces the text of `field` (or only the `selection` in it) so that the site's own editor
   * sees the change (undo, drafts, models).
   */
  writeText(field: HTMLElement, text: string, selection?: FieldSelection): Promise<WriteResult>;
}
