import { defineSite } from './define-site';

/** Substack posts and notes (ProseMirror/Tiptap) and comments (textarea). */
export const substackSite = defineSite({
  id: 'substack',
  hosts: ['substack.com', '.substack.com'],
  kind: 'post',
  kindOf: (field) => (field.tagName === 'TEXTAREA' ? 'comment' : 'post'),
  editor: '.ProseMirror[contenteditable="true"], textarea[name="body"], .comment-input textarea, form.form textarea',
  sendControl: '[data-testid="publish-button"], [data-testid="post-note-button"]',
  sendLabel: /^(publish|send to everyone now|continue|post|comment|reply)$/i,
});
