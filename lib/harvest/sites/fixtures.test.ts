// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { editableRootOf, isReadableUserField } from '../field-privacy';
import type { SiteAdapter } from '../site-adapter';
import { watchForSends, type SentText } from '../watch-sends';
import { genericSite } from './generic';
import { githubSite } from './github';
import { gmailSite } from './gmail';
import { hackerNewsSite } from './hacker-news';
import { siteAdapterFor } from './index';
import { linkedinSite } from './linkedin';
import { redditSite } from './reddit';
import { xSite } from './x';
import { pretendLaidOut, typeInto } from './jsdom-page.test-support';

/** jsdom's dispatched events are never trusted; here they stand for what the person does. */
const JSDOM_EVENTS = { isTrusted: () => true };

/** Real saved editor pages from peer projects, read from ../shared at test time (never copied here). */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/editors') + path.sep;
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures) console.warn(`[idiolect] Skipping editor fixture tests: ${FIXTURES} is missing (a clone without ../shared).`);

interface ManifestEntry {
  path: string;
  editable_selector: string;
}

function manifestSelector(path: string): string {
  const lines = readFileSync(`${FIXTURES}manifest.jsonl`, 'utf8').split('\n').filter(Boolean);
  const entry = lines.map((line) => JSON.parse(line) as ManifestEntry).find((candidate) => candidate.path === path);
  if (!entry) throw new Error(`No manifest entry for ${path}`);
  // The manifest writes "selector  (notes)": keep the selector.
  return entry.editable_selector.split(/\s{2,}\(|;/)[0]!.trim();
}

function load(path: string): Document {
  document.documentElement.innerHTML = readFileSync(FIXTURES + path, 'utf8');
  return document;
}

/** Every element on the page a user could type in, and every element showing someone's text. */
function everyEditable(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>('textarea, [contenteditable], input')];
}

/** The elements the adapter accepts as the user's own field. */
function acceptedFields(site: SiteAdapter, doc: Document): HTMLElement[] {
  return everyEditable(doc).filter((element) => site.userField(element) !== null && element.tagName !== 'INPUT');
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe.skipIf(!haveFixtures)('site adapters on saved real editor pages (../shared/fixtures/editors)', () => {
  describe('Gmail compose (2020)', () => {
    const path = 'gmail/gmail_compose_new_message_2020.html';

    it('takes only the rich compose body, not the hidden plain-text textarea with the same label', () => {
      const doc = load(path);
      const expected = doc.querySelector<HTMLElement>(manifestSelector(path));
      expect(expected).not.toBeNull();
      expect(doc.querySelectorAll('[aria-label="Message Body"]')).toHaveLength(2);
      expect(acceptedFields(gmailSite, doc)).toEqual([expected]);
      expect(gmailSite.userField(doc.querySelector<HTMLElement>('textarea[aria-label="Message Body"]')!)).toBeNull();
      expect(gmailSite.userField(doc.querySelector<HTMLElement>('textarea[name="to"]')!)).toBeNull();
    });

    it('knows Send from "More send options", and applies on mail.google.com only', () => {
      const doc = load(path);
      expect(gmailSite.isSendControl(doc.querySelector('[data-tooltip^="Send"]')!)).toBe(true);
      expect(gmailSite.isSendControl(doc.querySelector('[aria-label="More send options"]')!)).toBe(false);
      expect(siteAdapterFor(new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'))).toBe(gmailSite);
      expect(siteAdapterFor(new URL('https://docs.google.com/document/d/1'))).toBe(genericSite);
    });

    it('reads the new text with its paragraphs, without the quoted thread or the signature', () => {
      const doc = load(path);
      const body = doc.querySelector<HTMLElement>(manifestSelector(path))!;
      body.innerHTML = [
        '<div>Hi Maria,</div><div><br></div>',
        '<div>Thursday works. I will bring the contract.</div><div><br></div><div>Jo</div>',
        '<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span>',
        '<div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Jo Bloggs | Head of Ops | +44 20 7946 0000</div>',
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 3 Mar 2025 at 09:12, Maria &lt;maria@example.org&gt; wrote:<br></div>',
        '<blockquote class="gmail_quote">Can we meet on Thursday to sign?</blockquote></div>',
      ].join('');
      expect(gmailSite.readText(body)).toBe('Hi Maria,\n\nThursday works. I will bring the contract.\n\nJo');
    });

    it('gives the recipient domain from the To box, and nothing else of the address', () => {
      const doc = load(path);
      doc.querySelector<HTMLTextAreaElement>('textarea[name="to"]')!.value = 'Maria <Maria.Lopez@Example.ORG>';
      expect(gmailSite.recipientDomain(doc.querySelector<HTMLElement>(manifestSelector(path))!)).toBe('example.org');
    });

    it('harvests the body when Send is pressed, Gmail-style on mouseup, and never the password-like fields', () => {
      const doc = load(path);
      pretendLaidOut();
      const body = doc.querySelector<HTMLElement>(manifestSelector(path))!;
      const sent: SentText[] = [];
      const stop = watchForSends(doc, gmailSite, (text) => sent.push(text), JSDOM_EVENTS);
      typeInto(body, 'Thanks, Thursday at ten works for the whole team.');
      const send = doc.querySelector<HTMLElement>('[data-tooltip^="Send"]')!;
      send.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      send.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
      body.closest('[role="dialog"]')!.remove();
      send.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      stop();
      expect(sent.map(({ text, kind }) => ({ text, kind }))).toEqual([{ text: 'Thanks, Thursday at ten works for the whole team.', kind: 'email' }]);
    });
  });

  describe('Google Inbox compose (2016–17, same g_editable convention)', () => {
    it('finds the compose body and the inline reply as two separate fields with their own text', () => {
      const doc = load('google-inbox/inbox-2016-06-20-fullscreen_compose.html');
      const accepted = acceptedFields(gmailSite, doc).filter((field) => field.isContentEditable || field.getAttribute('contenteditable') === 'true');
      const texts = accepted.map((field) => gmailSite.readText(field).trim()).filter(Boolean).sort();
      expect(texts).toEqual(['aaaa', 'testing']);
    });

    for (const file of ['inbox-2016-08-18_inline_compose.html', 'inbox-2016-11-02_inline_compose.html', 'inbox-2017-03-02_inline_compose.html']) {
      it(`finds exactly the one empty reply box in ${file}`, () => {
        const doc = load(`google-inbox/${file}`);
        const expected = doc.querySelector<HTMLElement>('div[g_editable="true"][role="textbox"].editable');
        expect(acceptedFields(gmailSite, doc)).toEqual([expected]);
        expect(gmailSite.readText(expected!).trim()).toBe('');
      });
    }
  });

  describe('GitHub comment box', () => {
    const path = 'github/github_comment_textarea.html';

    it('takes the Markdown comment textarea and nothing else on the page', () => {
      const doc = load(path);
      const expected = doc.querySelector<HTMLElement>(manifestSelector(path));
      expect(expected?.tagName).toBe('TEXTAREA');
      expect(acceptedFields(githubSite, doc)).toEqual([expected]);
      expect(siteAdapterFor(new URL('https://github.com/owner/repo/issues/12'))).toBe(githubSite);
    });

    it('reads what the user typed, as a comment', () => {
      const doc = load(path);
      const field = doc.querySelector<HTMLTextAreaElement>(manifestSelector(path))!;
      field.value = 'Reproduced on main; the fix in #13 works for me.\n\nThanks!';
      expect(githubSite.readText(field)).toBe('Reproduced on main; the fix in #13 works for me.\n\nThanks!');
      expect(githubSite.kindOf(field)).toBe('comment');
    });
  });

  describe('Hacker News item page', () => {
    const path = 'hackernews/hn_item_reply.html';

    it('takes the reply textarea and none of the ~70 comments by other people', () => {
      const doc = load(path);
      const expected = doc.querySelector<HTMLElement>(manifestSelector(path));
      expect(acceptedFields(hackerNewsSite, doc)).toEqual([expected]);
      const comments = [...doc.querySelectorAll<HTMLElement>('.commtext')];
      expect(comments.length).toBeGreaterThan(60);
      for (const comment of comments) {
        expect(editableRootOf(comment)).toBeNull();
        expect(hackerNewsSite.userField(comment)).toBeNull();
      }
      expect(isReadableUserField(doc.querySelector('input[name="q"]'))).toBe(false);
      expect(isReadableUserField(doc.querySelector('input[name="hmac"]'))).toBe(false);
    });

    it('harvests the reply on "add comment" and nothing from the page around it', () => {
      const doc = load(path);
      pretendLaidOut();
      const field = doc.querySelector<HTMLTextAreaElement>(manifestSelector(path))!;
      const sent: SentText[] = [];
      const stop = watchForSends(doc, siteAdapterFor(new URL('https://news.ycombinator.com/item?id=48919363')), (text) => sent.push(text), JSDOM_EVENTS);
      typeInto(field, 'The benchmark leaves out cold starts, which is where most of the cost is.');
      doc.querySelector<HTMLInputElement>('input[value="add comment"]')!.click();
      stop();
      expect(sent.map(({ text, kind }) => ({ text, kind }))).toEqual([
        { text: 'The benchmark leaves out cold starts, which is where most of the cost is.', kind: 'comment' },
      ]);
    });
  });

  describe('Draft.js (draftjs.org, the editor behind X’s and Reddit’s older composers)', () => {
    const path = 'draftjs/draftjs_org_home.html';

    it('takes the Draft.js content editable, and never reads the placeholder beside it', () => {
      const doc = load(path);
      const expected = doc.querySelector<HTMLElement>(manifestSelector(path))!;
      expect(xSite.userField(expected)).toBe(null); // X only takes its own composer (data-testid)
      expect(redditSite.userField(expected)).toBe(expected);
      expect(genericSite.userField(expected)).toBe(expected);
      expect(doc.querySelector('.public-DraftEditorPlaceholder-inner')?.textContent).toMatch(/Tell a story/);
      expect(genericSite.readText(expected).trim()).toBe('');
      // X marks the same Draft.js element with its own test id.
      expected.setAttribute('data-testid', 'tweetTextarea_0');
      expect(xSite.userField(expected)).toBe(expected);
    });
  });

  describe('Quill (quilljs.com, the editor behind LinkedIn’s boxes)', () => {
    it('accepts each of the three editors as its own field with its own text', () => {
      const doc = load('quill/quilljs_com_home.html');
      const editors = [...doc.querySelectorAll<HTMLElement>('.ql-container .ql-editor[contenteditable="true"]')];
      expect(editors).toHaveLength(3);
      for (const editor of editors) {
        expect(linkedinSite.userField(editor)).toBe(editor);
        expect(linkedinSite.readText(editor)).toMatch(/^Quill Rich Text Editor/);
      }
    });
  });

  describe('ProseMirror and Slate (editors created by script only)', () => {
    it('has no editable in the static page, and the hidden ProseMirror source is never a field', () => {
      const doc = load('prosemirror/prosemirror_net_home.html');
      pretendLaidOut();
      const source = doc.querySelector<HTMLElement>('#content')!;
      expect(source.textContent).toContain('Like this one!');
      expect(editableRootOf(source.querySelector('p'))).toBeNull();
      expect(isReadableUserField(source)).toBe(false);
      // The live editor is tested in Chromium: tests/e2e/editors.test.ts.
    });

    it('has no Slate editor in the static page either', () => {
      const doc = load('slate/slatejs_examples_richtext.html');
      expect(doc.querySelector('[data-slate-editor="true"]')).toBeNull();
    });
  });
});
