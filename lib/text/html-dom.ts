import { decodeEntities } from './html-entities';

/**
 * A small, tolerant HTML parser for mail bodies and editor contents. It needs no DOM (it runs in
 * the background worker and in Node), scans each character a bounded number of times, and
 * recovers from unclosed or stray tags the way browsers mostly do.
 */

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: ReadonlyMap<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  kind: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'template']);
const CLOSES_PARAGRAPH = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
/** Deeper nesting is flattened: it never carries meaning in mail and would exhaust the stack. */
const MAX_DEPTH = 256;

function element(tag: string, attrs: ReadonlyMap<string, string>): HtmlElement {
  return { kind: 'element', tag, attrs, children: [] };
}

interface TagToken {
  tag: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Reads `<name attr=value …>` starting after the name; returns null when the tag never closes. */
function readAttributes(html: string, from: number, tag: string): TagToken | null {
  const attrs = new Map<string, string>();
  let i = from;
  while (i < html.length) {
    while (isSpace(html[i])) i++;
    const c = html[i];
    if (c === undefined) return null;
    if (c === '>') return { tag, attrs, selfClosing: false, end: i + 1 };
    if (c === '/' && html[i + 1] === '>') return { tag, attrs, selfClosing: true, end: i + 2 };
    if (c === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>' && html[i] !== '/') i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (isSpace(html[i])) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    if (name && !attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
  return null;
}

class TreeBuilder {
  readonly root = element('#root', new Map());
  private readonly stack: HtmlElement[] = [this.root];

  private get current(): HtmlElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  text(text: string): void {
    if (text) this.current.children.push({ kind: 'text', text: decodeEntities(text) });
  }

  open(tag: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean): HtmlElement {
    if (CLOSES_PARAGRAPH.has(tag)) this.closeWithin('p', ['div', 'td', 'li', 'blockquote', '#root']);
    if (tag === 'li') this.closeWithin('li', ['ul', 'ol', '#root']);
    if (tag === 'td' || tag === 'th') {
      this.closeWithin('td', ['tr', 'table', '#root']);
      this.closeWithin('th', ['tr', 'table', '#root']);
    }
    if (tag === 'tr') this.closeWithin('tr', ['table', 'tbody', 'thead', 'tfoot', '#root']);
    const node = element(tag, attrs);
    this.current.children.push(node);
    if (!selfClosing && !VOID_TAGS.has(tag) && this.stack.length < MAX_DEPTH) this.stack.push(node);
    return node;
  }

  close(tag: string): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]?.tag === tag) {
        this.stack.length = i;
        return;
      }
    }
  }

  /** Closes an open `tag` unless one of `boundaries` is opened after it. */
  private closeWithin(tag: string, boundaries: readonly string[]): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const open = this.stack[i]?.tag;
      if (open === tag) {
        this.stack.length = i;
        return;
      }
      if (open && boundaries.includes(open)) return;
    }
  }
}

export function parseHtml(html: string): HtmlElement {
  const builder = new TreeBuilder();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      builder.text(html.slice(i));
      break;
    }
    builder.text(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', i);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    const isEnd = next === '/';
    const nameMatch = /^[A-Za-z][A-Za-z0-9:_-]{0,63}/.exec(html.slice(i + (isEnd ? 2 : 1), i + 66));
    if (!nameMatch) {
      builder.text('<');
      i++;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    const token = readAttributes(html, i + (isEnd ? 2 : 1) + nameMatch[0].length, tag);
    if (!token) break;
    i = token.end;
    if (isEnd) {
      builder.close(tag);
      continue;
    }
    const node = builder.open(tag, token.attrs, token.selfClosing);
    if (RAW_TEXT_TAGS.has(tag) && !token.selfClosing) {
      const closing = new RegExp(`</${tag}`, 'ig');
      closing.lastIndex = i;
      const end = closing.exec(html)?.index ?? html.length;
      node.children.push({ kind: 'text', text: tag === 'textarea' ? decodeEntities(html.slice(i, end)) : html.slice(i, end) });
      i = end;
    }
  }
  return builder.root;
}
