import { defineSite } from './define-site';

/** Blogger's post editor and the comment form on blogspot blogs. */
export const bloggerSite = defineSite({
  id: 'blogger',
  hosts: ['www.blogger.com', 'blogger.com', '.blogspot.com'],
  kind: 'post',
  kindOf: (field) => (field.closest('#comment-editor, #commentForm, .comment-form') || field.id === 'commentBodyField' ? 'comment' : 'post'),
  editor: '#commentBodyField, textarea[name="commentBody"], .editable[contenteditable="true"], [role="textbox"][contenteditable="true"][aria-label]',
  sendControl: '#postCommentSubmit',
  sendLabel: /^(publish|update|publish comment)$/i,
});
