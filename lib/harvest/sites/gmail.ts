import { defineSite, firstRecipientDomain } from './define-site';

/**
 * Gmail compose, reply and forward. The body is the Closure editor `div[g_editable][role=textbox]`;
 * a hidden textarea with the same label (plain-text mode) is never read. Quoted history and the
 * signature are marked by Gmail's own classes and left out.
 */
export const gmailSite = defineSite({
  id: 'gmail',
  // Also recognised by the application name Gmail's pages declare (as Discourse is by its generator tag).
  appliesTo: (url, doc) => url.hostname === 'mail.google.com' || !!doc?.querySelector('meta[name="application-name"][content="Gmail"]'),
  kind: 'email',
  editor: 'div[g_editable="true"][role="textbox"][contenteditable="true"]',
  // Send buttons carry a localised tooltip ("Send ‪(Ctrl-Enter)‬") and the long-stable class aoO.
  sendControl: '[role="button"].aoO, [role="button"][data-tooltip^="Send"], [role="button"][aria-label^="Send"]',
  exclude: '.gmail_quote, .gmail_attr, .gmail_extra, .gmail_signature, .gmail_signature_prefix, [data-smartmail="gmail_signature"], blockquote, .ajR, .adL',
  recipientDomain: (field) =>
    firstRecipientDomain(field, '[email], [data-hovercard-id*="@"], textarea[name="to"], input[name="to"]'),
  // Gmail autosaves the draft on input; the editing command already fires one, this makes sure.
  afterWrite: (field) => field.dispatchEvent(new (field.ownerDocument.defaultView!.Event)('input', { bubbles: true })),
});
