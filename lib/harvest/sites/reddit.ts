import { defineSite } from './define-site';

/** Reddit: the Lexical composer in `shreddit-composer`, the older Draft.js one, and old.reddit textareas. */
export const redditSite = defineSite({
  id: 'reddit',
  hosts: ['reddit.com', '.reddit.com'],
  kind: 'comment',
  kindOf: (field) => (/\/submit\b/.test(field.ownerDocument.location?.pathname ?? '') ? 'post' : 'comment'),
  editor:
    'shreddit-composer [contenteditable="true"], [slot="rte"][contenteditable="true"], .public-DraftEditor-content, .usertext-edit textarea[name="text"], textarea[name="text"]',
  sendControl: 'button[slot="submit-button"], button[type="submit"], .usertext-buttons .save',
  sendLabel: /^(comment|reply|post|save)$/i,
});
