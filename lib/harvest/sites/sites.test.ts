// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TextKind } from '../../db/records';
import { watchForSends, type SentText } from '../watch-sends';
import { SITES, siteAdapterFor } from './index';
import { pretendLaidOut, typeInto } from './jsdom-page.test-support';

/** jsdom's dispatched events are never trusted; here they stand for what the person does. */
const JSDOM_EVENTS = { isTrusted: () => true };

/**
 * Sites without a saved real page: a small hand-written DOM of each one's key structure (the
 * user's editor, other people's text around it, the send control), checked the same way.
 */
interface SiteCase {
  id: string;
  urls: string[];
  html: string;
  /** The user's editor; `field`, when set, is what the adapter reports as the whole field. */
  editor: string;
  field?: string;
  /** Elements that show someone else's text or are not a place to write: never the user's field. */
  notTheirs: string[];
  send: string;
  notSend: string;
  typed: string;
  /** What is harvested when `typed` goes in with `around` already in the editor (quoted replies). */
  around?: string;
  sentText?: string;
  kind: TextKind;
  recipientDomain?: string;
}

const CASES: SiteCase[] = [
  {
    id: 'outlook',
    urls: ['https://outlook.office.com/mail/inbox/id/AAQ', 'https://outlook.live.com/mail/0/deeplink/compose'],
    html: `<div role="main"><div class="thread"><div class="msg">Hi Jo, can you send the figures? Ana</div></div>
      <div role="dialog"><div class="well"><span data-lpc-hover-target="true" title="ana@contoso.com">Ana Ruiz</span></div>
      <div id="editorParent_1"><div role="textbox" contenteditable="true" aria-label="Message body, press Alt+F10 to exit"></div></div>
      <button aria-label="Send" title="Send (Ctrl+Enter)">Send</button><button aria-label="Discard">Discard</button></div></div>`,
    editor: '[role="textbox"]',
    notTheirs: ['.msg'],
    send: 'button[aria-label="Send"]',
    notSend: 'button[aria-label="Discard"]',
    typed: 'Figures attached, the second tab has the quarterly split.',
    around: `<div id="Signature"><div>Jo Bloggs, Finance</div></div><div id="appendonsend"></div><hr>
      <div id="divRplyFwdMsg"><b>From:</b> Ana Ruiz &lt;ana@contoso.com&gt;<br><b>Sent:</b> Monday</div><div>Hi Jo, can you send the figures?</div>`,
    sentText: 'Figures attached, the second tab has the quarterly split.',
    kind: 'email',
    recipientDomain: 'contoso.com',
  },
  {
    id: 'yahoo-mail',
    urls: ['https://mail.yahoo.com/d/compose/123'],
    html: `<div data-test-id="compose"><div data-test-id="pill" title="sam@yahoo.co.uk">Sam</div>
      <div id="editor-container"><div data-test-id="rte" contenteditable="true" role="textbox" aria-label="Message body"></div></div>
      <button data-test-id="compose-send-button">Send</button><button data-test-id="compose-attach">Attach</button></div>
      <div class="message-view">Earlier: see you at the match, Sam</div>`,
    editor: '[data-test-id="rte"]',
    notTheirs: ['.message-view'],
    send: '[data-test-id="compose-send-button"]',
    notSend: '[data-test-id="compose-attach"]',
    typed: 'Count me in for Saturday, I will bring the flask.',
    around: '<div class="yahoo_quoted"><div>On Friday, Sam wrote:</div><div>see you at the match</div></div>',
    sentText: 'Count me in for Saturday, I will bring the flask.',
    kind: 'email',
    recipientDomain: 'yahoo.co.uk',
  },
  {
    id: 'wordpress',
    urls: ['https://blog.example.net/wp-admin/post.php?post=12&action=edit', 'https://wordpress.com/post/myblog.wordpress.com/7'],
    html: `<div class="edit-post-header"><button class="editor-post-publish-button">Publish</button><button class="editor-post-save-draft">Save draft</button></div>
      <div class="block-editor-block-list__layout is-root-container">
      <p class="block-editor-rich-text__editable" contenteditable="true" role="document" aria-label="Block: Paragraph">First paragraph of my post.</p>
      <p class="block-editor-rich-text__editable" contenteditable="true" role="document" aria-label="Block: Paragraph"></p></div>
      <div class="comments-preview">Great post! — a reader</div>`,
    editor: '.is-root-container p:nth-of-type(2)',
    field: '.is-root-container',
    notTheirs: ['.comments-preview'],
    send: '.editor-post-publish-button',
    notSend: '.editor-post-save-draft',
    typed: 'And a second one, typed just now.',
    sentText: 'First paragraph of my post.\n\nAnd a second one, typed just now.',
    kind: 'post',
  },
  {
    id: 'medium',
    urls: ['https://medium.com/new-story', 'https://someone.medium.com/p/abc/edit'],
    html: `<main><div class="postArticle-content js-postField" contenteditable="true" role="textbox" aria-multiline="true"></div>
      <div class="pw-responses"><p>Someone else's response, never mine.</p></div>
      <button data-action="publish">Publish</button><button data-action="share">Share</button></main>`,
    editor: '.postArticle-content',
    notTheirs: ['.pw-responses p'],
    send: '[data-action="publish"]',
    notSend: '[data-action="share"]',
    typed: 'Why I stopped writing long emails, and what I do now.',
    kind: 'post',
  },
  {
    id: 'substack',
    urls: ['https://myletter.substack.com/publish/post/123', 'https://substack.com/notes'],
    html: `<div class="editor"><div class="ProseMirror" contenteditable="true" translate="no"></div></div>
      <div class="comment">Reader comment I did not write.</div>
      <button data-testid="publish-button">Continue</button><button data-testid="preview">Preview</button>`,
    editor: '.ProseMirror',
    notTheirs: ['.comment'],
    send: '[data-testid="publish-button"]',
    notSend: '[data-testid="preview"]',
    typed: 'This week: three small tools that changed how I plan.',
    kind: 'post',
  },
  {
    id: 'ghost',
    urls: ['https://myblog.ghost.io/ghost/#/editor/post/1', 'https://example.org/ghost/#/editor/post'],
    html: `<div class="koenig-lexical" data-kg="editor"><div contenteditable="true" role="textbox" data-lexical-editor="true"></div></div>
      <div class="gh-post-list">Drafts by another staff writer</div>
      <button class="gh-publish-trigger" data-test-button="publish-flow">Publish</button><button class="gh-btn-preview">Preview</button>`,
    editor: '[data-lexical-editor]',
    notTheirs: ['.gh-post-list'],
    send: '[data-test-button="publish-flow"]',
    notSend: '.gh-btn-preview',
    typed: 'Notes from the field: what the survey actually told us.',
    kind: 'post',
  },
  {
    id: 'blogger',
    urls: ['https://www.blogger.com/blog/post/edit/1/2', 'https://someblog.blogspot.com/2025/01/post.html'],
    html: `<div class="post-body">The blog post, written by the blog's author.</div>
      <form id="commentForm"><textarea id="commentBodyField" name="commentBody" aria-label="Enter comment"></textarea>
      <input id="postCommentSubmit" type="submit" value="Publish"><button type="button" class="preview">Preview</button></form>`,
    editor: '#commentBodyField',
    notTheirs: ['.post-body'],
    send: '#postCommentSubmit',
    notSend: '.preview',
    typed: 'Lovely write-up, the photo of the harbour is my favourite.',
    kind: 'comment',
  },
  {
    id: 'reddit',
    urls: ['https://www.reddit.com/r/rust/comments/abc/title/', 'https://old.reddit.com/r/rust/comments/abc/'],
    html: `<shreddit-comment><div slot="comment"><p>Parent comment by someone else.</p></div></shreddit-comment>
      <comment-composer-host><form><shreddit-composer><div slot="rte" contenteditable="true" role="textbox" aria-label="Comment" data-lexical-editor="true"></div>
      <button slot="submit-button" type="submit">Comment</button><button type="button" slot="cancel-button">Cancel</button></shreddit-composer></form></comment-composer-host>`,
    editor: '[slot="rte"]',
    notTheirs: ['shreddit-comment p'],
    send: 'button[slot="submit-button"]',
    notSend: 'button[slot="cancel-button"]',
    typed: 'Borrowing here is fine, the clone is what costs you.',
    kind: 'comment',
  },
  {
    id: 'linkedin',
    urls: ['https://www.linkedin.com/feed/'],
    html: `<div class="feed-shared-update-v2"><span class="break-words">A post by a connection.</span>
      <form class="comments-comment-box__form"><div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Add a comment…"></div></div>
      <button class="comments-comment-box__submit-button" type="submit">Comment</button></form><button class="react-button">Like</button></div>`,
    editor: '.ql-editor',
    notTheirs: ['.break-words'],
    send: '.comments-comment-box__submit-button',
    notSend: '.react-button',
    typed: 'Congratulations on the launch, well deserved after that year.',
    kind: 'comment',
  },
  {
    id: 'x',
    urls: ['https://x.com/home', 'https://twitter.com/compose/post'],
    html: `<article data-testid="tweet"><div data-testid="tweetText">Someone else's post.</div></article>
      <div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0" aria-label="Post text"></div></div>
      <button data-testid="tweetButtonInline" type="button">Post</button><button data-testid="gifSearchButton" type="button">GIF</button>`,
    editor: '[data-testid="tweetTextarea_0"]',
    notTheirs: ['[data-testid="tweetText"]'],
    send: '[data-testid="tweetButtonInline"]',
    notSend: '[data-testid="gifSearchButton"]',
    typed: 'Shipped the new importer today. Small thing, big relief.',
    kind: 'post',
  },
  {
    id: 'discourse',
    urls: ['https://forum.example.org/t/topic/12'],
    html: `<meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse">
      <div class="topic-post"><div class="cooked">A post by another member.</div></div>
      <div id="reply-control" class="open"><textarea class="d-editor-input" aria-label="Type here. Use Markdown."></textarea>
      <div class="save-or-cancel"><button class="btn btn-primary create">Reply</button><a class="cancel" role="button">Cancel</a></div></div>`,
    editor: 'textarea.d-editor-input',
    notTheirs: ['.cooked'],
    send: '.save-or-cancel .btn-primary',
    notSend: '.cancel',
    typed: 'I hit the same thing; clearing the cache fixed it for me.',
    kind: 'comment',
  },
  {
    id: 'github',
    urls: ['https://github.com/owner/repo/pull/3', 'https://github.com/owner/repo/issues/new'],
    html: `<div class="comment-body markdown-body"><p>Review comment by a maintainer.</p></div>
      <div class="cm-editor"><div class="cm-content" contenteditable="true" role="textbox" aria-label="Editing file.ts">const secret = 1;</div></div>
      <form class="js-new-comment-form"><textarea name="comment[body]" class="js-comment-field" aria-label="Comment body"></textarea>
      <button type="submit" class="btn-primary">Comment</button><button type="button" class="js-toolbar-item">Bold</button></form>`,
    editor: 'textarea.js-comment-field',
    notTheirs: ['.comment-body p', '.cm-content'],
    send: 'form button[type="submit"]',
    notSend: '.js-toolbar-item',
    typed: 'Looks good to me; one nit on the error message wording.',
    kind: 'comment',
  },
];

beforeAll(pretendLaidOut);
afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('every site in the issue has its own adapter, and the generic one comes last', () => {
  it('lists the sites', () => {
    expect(SITES.map((site) => site.id)).toEqual([
      'gmail', 'outlook', 'yahoo-mail', 'wordpress', 'medium', 'substack', 'ghost', 'blogger',
      'reddit', 'hacker-news', 'linkedin', 'x', 'github', 'discourse', 'generic',
    ]);
  });

  it('uses the generic adapter on any other site', () => {
    expect(siteAdapterFor(new URL('https://forum.example.org/t/1')).id).toBe('generic');
    expect(siteAdapterFor(new URL('https://example.org/blog')).id).toBe('generic');
    expect(siteAdapterFor(new URL('https://notgithub.com/')).id).toBe('generic');
  });
});

describe.each(CASES)('$id', (site) => {
  function setUp() {
    document.body.innerHTML = site.html;
    // <meta> from the body goes where a page would keep it.
    for (const meta of document.body.querySelectorAll('meta')) document.head.append(meta);
    const adapter = siteAdapterFor(new URL(site.urls[0]!), document);
    return { adapter, editor: document.querySelector<HTMLElement>(site.editor)! };
  }

  it('applies on its own addresses', () => {
    document.body.innerHTML = site.html;
    for (const meta of document.body.querySelectorAll('meta')) document.head.append(meta);
    for (const url of site.urls) expect(siteAdapterFor(new URL(url), document).id).toBe(site.id);
  });

  it('takes the user’s editor as their field and nothing with other people’s text', () => {
    const { adapter, editor } = setUp();
    const field = site.field ? document.querySelector(site.field) : editor;
    expect(adapter.userField(editor)).toBe(field);
    for (const selector of site.notTheirs) expect(adapter.userField(document.querySelector<HTMLElement>(selector)!)).toBeNull();
  });

  it('knows its send control from the other buttons', () => {
    const { adapter } = setUp();
    expect(adapter.isSendControl(document.querySelector(site.send)!)).toBe(true);
    expect(adapter.isSendControl(document.querySelector(site.notSend)!)).toBe(false);
  });

  it('harvests what the user typed when they send it, with its kind, and nothing before', () => {
    const { adapter, editor } = setUp();
    const sent: SentText[] = [];
    const stop = watchForSends(document, adapter, (text) => sent.push(text), JSDOM_EVENTS);
    typeInto(editor, site.typed);
    if (site.around) editor.insertAdjacentHTML('beforeend', site.around);
    expect(sent).toEqual([]);
    document.querySelector<HTMLElement>(site.notSend)!.click();
    expect(sent).toEqual([]);
    document.querySelector<HTMLElement>(site.send)!.click();
    stop();
    expect(sent.map(({ text, kind, recipientDomain }) => ({ text, kind, recipientDomain }))).toEqual([
      { text: site.sentText ?? site.typed, kind: site.kind, recipientDomain: site.recipientDomain ?? null },
    ]);
  });
});

describe('sends without a button', () => {
  it('takes Ctrl/Cmd+Enter in the field as a send', () => {
    document.body.innerHTML = '<div contenteditable="true" role="textbox" aria-label="Comment"></div>';
    const field = document.querySelector<HTMLElement>('[role="textbox"]')!;
    const sent: string[] = [];
    const stop = watchForSends(document, siteAdapterFor(new URL('https://example.org/')), ({ text }) => sent.push(text), JSDOM_EVENTS);
    typeInto(field, 'Sent with the keyboard, no button involved at all.');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    stop();
    expect(sent).toEqual(['Sent with the keyboard, no button involved at all.']);
  });

  it('ignores typing and sending faked by the page’s own script', () => {
    document.body.innerHTML = '<form><textarea aria-label="Message"></textarea><button type="submit">Send</button></form>';
    const field = document.querySelector<HTMLTextAreaElement>('textarea')!;
    const sent: string[] = [];
    const stop = watchForSends(document, siteAdapterFor(new URL('https://example.org/')), ({ text }) => sent.push(text));
    document.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
    typeInto(field, 'Planted by a script on the page, pretending to be the user’s own writing.');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    document.querySelector<HTMLElement>('button')!.click();
    stop();
    expect(sent).toEqual([]);
  });

  it('reads nothing once collection is paused or the site removed, even in a page already open', () => {
    document.body.innerHTML = '<div contenteditable="true" role="textbox" aria-label="Comment"></div>';
    const field = document.querySelector<HTMLElement>('[role="textbox"]')!;
    const sent: string[] = [];
    const stop = watchForSends(document, siteAdapterFor(new URL('https://example.org/')), ({ text }) => sent.push(text), {
      ...JSDOM_EVENTS,
      mayRead: () => false,
    });
    typeInto(field, 'Written after the user paused collection in the popup.');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    stop();
    expect(sent).toEqual([]);
  });

  it('never reads a field the user did not type in, even in the form they sent', () => {
    document.body.innerHTML = `<form><textarea aria-label="Note">prefilled by the site, not typed</textarea>
      <input type="password" name="password" value="hunter2"><button type="submit">Send</button></form>`;
    const sent: string[] = [];
    const stop = watchForSends(document, siteAdapterFor(new URL('https://example.org/')), ({ text }) => sent.push(text), JSDOM_EVENTS);
    document.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
    document.querySelector<HTMLElement>('button')!.click();
    stop();
    expect(sent).toEqual([]);
  });
});
