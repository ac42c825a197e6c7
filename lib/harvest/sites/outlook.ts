import { defineSite, firstRecipientDomain } from './define-site';

/** Outlook on the web (personal and work). The reply's quoted history follows `#appendonsend`. */
export const outlookSite = defineSite({
  id: 'outlook',
  hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'],
  kind: 'email',
  editor: 'div[role="textbox"][contenteditable="true"][aria-label^="Message body"], #editorParent_1 [contenteditable="true"]',
  sendControl: 'button[aria-label="Send"], button[title^="Send"], button[name="Send"]',
  sendLabel: /^send$/i,
  exclude: '#appendonsend ~ *, #divRplyFwdMsg, #Signature, [id^="Signature"], #ms-outlook-mobile-signature, blockquote',
  recipientDomain: (field) =>
    firstRecipientDomain(field, '[data-lpc-hover-target], [title*="@"], [aria-label*="@"]'),
});
