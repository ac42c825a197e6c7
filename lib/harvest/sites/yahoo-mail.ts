import { defineSite, firstRecipientDomain } from './define-site';

/** Yahoo Mail compose; the reply's quoted message sits in `.yahoo_quoted`. */
export const yahooMailSite = defineSite({
  id: 'yahoo-mail',
  hosts: ['mail.yahoo.com', '.mail.yahoo.com'],
  kind: 'email',
  editor: '[data-test-id="rte"][contenteditable="true"], #editor-container [contenteditable="true"][role="textbox"]',
  sendControl: '[data-test-id="compose-send-button"]',
  exclude: '.yahoo_quoted, .signature, [data-test-id="signature"], blockquote',
  recipientDomain: (field) =>
    firstRecipientDomain(field, '[data-test-id="pill"], [title*="@"], #message-to-field'),
});
