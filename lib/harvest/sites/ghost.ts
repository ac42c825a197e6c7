import { defineSite, hostMatches } from './define-site';

/** Ghost admin (Koenig, built on Lexical) on ghost.io or any self-hosted /ghost/ admin. */
export const ghostSite = defineSite({
  id: 'ghost',
  appliesTo: (url) => url.pathname.startsWith('/ghost/') || hostMatches(url.hostname, ['.ghost.io']),
  kind: 'post',
  editor: '[data-kg="editor"] [contenteditable="true"], .koenig-lexical [data-lexical-editor="true"], .koenig-editor__editor[contenteditable="true"]',
  sendControl: '[data-test-button="publish-flow"], [data-test-button="confirm-publish"], .gh-publish-trigger',
  sendLabel: /^(publish|publish post, right now|update)$/i,
});
