import { defineSite } from './define-site';

/** Hacker News: the reply and comment forms, and the text of a submission. Others' comments are plain text, never editable. */
export const hackerNewsSite = defineSite({
  id: 'hacker-news',
  hosts: ['news.ycombinator.com'],
  kind: 'comment',
  kindOf: (field) => (field.closest('form[action="r"]') ? 'post' : 'comment'),
  editor: 'form[action="comment"] textarea[name="text"], form[action="r"] textarea[name="text"], form[action="xedit"] textarea[name="text"]',
  sendControl: 'form[action="comment"] input[type="submit"], form[action="r"] input[type="submit"], form[action="xedit"] input[type="submit"]',
});
