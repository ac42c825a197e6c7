import { defineSite } from './define-site';

/** Medium stories (one editable article) and responses. */
export const mediumSite = defineSite({
  id: 'medium',
  hosts: ['medium.com', '.medium.com'],
  kind: 'post',
  kindOf: (field) => (field.closest('.postArticle-content, .js-postField, [data-testid="editor"]') ? 'post' : 'comment'),
  editor: '.postArticle-content[contenteditable="true"], .js-postField[contenteditable="true"], [role="textbox"][contenteditable="true"]',
  sendControl: '[data-action="publish"], [data-testid="publishButton"], [data-testid="ResponseRespondButton"]',
  sendLabel: /^(publish( now)?|respond)$/i,
  exclude: '.defaultValue, [data-default-value] .is-empty',
});
