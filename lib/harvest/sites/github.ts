import { defineSite } from './define-site';

/**
 * GitHub issues, pull requests, discussions and their comments: Markdown textareas. Code editors
 * (the file editor, suggested changes in CodeMirror) and rendered comments are never read.
 */
export const githubSite = defineSite({
  id: 'github',
  hosts: ['github.com', 'gist.github.com'],
  kind: 'comment',
  kindOf: (field) => (/\/(issues\/new|compare\/|discussions\/new)/.test(field.ownerDocument.location?.pathname ?? '') ? 'post' : 'comment'),
  editor: [
    'textarea.js-comment-field',
    'textarea[name="comment[body]"]',
    'textarea[name="issue[body]"]',
    'textarea[name="pull_request[body]"]',
    'textarea[name="pull_request_review[body]"]',
    'textarea[aria-labelledby="comment-composer-heading"]',
    'textarea[placeholder="Use Markdown to format your comment"]',
    'textarea[aria-label="Markdown value"]',
    'textarea[placeholder="Type your description here…"]',
  ].join(', '),
  sendControl: 'form.js-new-comment-form button[type="submit"], form.js-inline-comment-form button[type="submit"], form#new_issue button[type="submit"], form#new_pull_request button[type="submit"]',
  sendLabel: /^(comment|close with comment|reply|create|submit new issue|create pull request|update comment|add (single|review) comment|start a review|submit review|start discussion)$/i,
});
