import { defineSite, hostMatches } from './define-site';

const EDITOR_PATH = /\/wp-admin\/(post|post-new)\.php/;

/**
 * WordPress block editor (Gutenberg), self-hosted or on wordpress.com. Every block is its own
 * editable, so the field is the whole post: the root block list, read once when it is published.
 */
export const wordpressSite = defineSite({
  id: 'wordpress',
  appliesTo: (url) => EDITOR_PATH.test(url.pathname) || (hostMatches(url.hostname, ['wordpress.com']) && /^\/(post|page)\//.test(url.pathname)),
  kind: 'post',
  editor: '.block-editor-rich-text__editable, .editor-post-text-editor, .is-root-container [contenteditable="true"]',
  document: '.is-root-container',
  sendControl: '.editor-post-publish-button, .editor-post-publish-panel__toggle',
  sendLabel: /^(publish|update|schedule)$/i,
  exclude: '.block-list-appender, .block-editor-default-block-appender, [data-rich-text-placeholder]',
});
