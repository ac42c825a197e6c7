import { defineSite } from './define-site';

/** Any Discourse forum, recognised by the generator tag Discourse puts on every page. */
export const discourseSite = defineSite({
  id: 'discourse',
  appliesTo: (url, doc) =>
    !!doc?.querySelector('meta[name="generator"][content^="Discourse"]') || /(^|\.)(discourse\.org|discourse\.group|trydiscourse\.com)$/.test(url.hostname),
  kind: 'comment',
  kindOf: (field) => (field.closest('#reply-control.edit-title') ? 'post' : 'comment'),
  editor: '#reply-control textarea.d-editor-input, #reply-control .ProseMirror.d-editor-input, textarea.d-editor-input',
  sendControl: '#reply-control .save-or-cancel .btn-primary, #reply-control button.create',
  sendLabel: /^(reply|create topic|save edit|send message)$/i,
});
