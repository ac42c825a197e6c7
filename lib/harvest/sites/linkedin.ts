import { defineSite } from './define-site';

/** LinkedIn: the post box, comments and messages, all Quill editors (`.ql-editor`). */
export const linkedinSite = defineSite({
  id: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  kind: 'comment',
  kindOf: (field) => {
    if (field.closest('.share-creation-state, .share-box, [data-test-modal-id="sharebox"]')) return 'post';
    if (field.closest('.msg-form')) return 'other';
    return 'comment';
  },
  editor: '.ql-editor[contenteditable="true"], .msg-form__contenteditable[contenteditable="true"]',
  sendControl: '.share-actions__primary-action, .comments-comment-box__submit-button, .comments-comment-box__submit-button--cr, .msg-form__send-button',
  sendLabel: /^(post|comment|reply|send)$/i,
});
