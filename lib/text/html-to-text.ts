import { parseHtml, type HtmlElement, type HtmlNode } from './html-dom';
import { tidyText } from './text-lines';

const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'svg', 'object', 'iframe', 'select', 'button', 'img']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'html', 'li',
  'main', 'nav', 'section', 'summary', 'tr', 'hr', 'table', 'tbody', 'thead', 'tfoot',
]);
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre', 'dl', 'figure']);

/** Containers mail clients use for quoted history and for the automatic signature. */
const QUOTE_CLASSES = ['gmail_quote', 'yahoo_quoted', 'moz-cite-prefix', 'protonmail_quote', 'zmail_extra'];
const SIGNATURE_CLASSES = ['gmail_signature', 'moz-signature'];
const SIGNATURE_IDS = new Set(['signature', 'x_signature']);
/** Outlook and OWA put these right before the quoted message; everything after it is history. */
const HISTORY_START_IDS = new Set(['divrplyfwdmsg', 'x_divrplyfwdmsg', 'appendonsend', 'olk_src_body_section']);

export interface HtmlToTextOptions {
  /** Drop blockquotes, client quote containers and client signatures. */
  dropQuotes?: boolean;
}

export interface HtmlToTextResult {
  text: string;
  /** Rendered text of each dropped quote container or history tail. */
  quoted: string[];
  /** Rendered text of dropped client signature containers. */
  signatures: string[];
}

function classes(node: HtmlElement): string[] {
  return (node.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
}

function quoteRole(node: HtmlElement): 'quote' | 'signature' | 'history' | null {
  const id = (node.attrs.get('id') ?? '').toLowerCase();
  if (HISTORY_START_IDS.has(id)) return 'history';
  if (node.tag === 'blockquote') return 'quote';
  const names = classes(node);
  if (names.some((c) => QUOTE_CLASSES.includes(c))) return 'quote';
  if (SIGNATURE_IDS.has(id) || names.some((c) => SIGNATURE_CLASSES.includes(c))) return 'signature';
  return null;
}

class TextSink {
  private readonly parts: string[] = [];
  private pendingBreaks = 0;
  private atLineStart = true;

  write(text: string): void {
    if (text === '') return;
    if (/^\s*$/.test(text) && (this.atLineStart || this.pendingBreaks > 0)) return;
    this.flushBreaks();
    this.parts.push(this.atLineStart ? text.replace(/^[ \t]+/, '') : text);
    this.atLineStart = text.endsWith('\n');
  }

  /** Writes at the start of a fresh line, keeping leading spaces (list indentation). */
  writeLineStart(prefix: string): void {
    this.flushBreaks();
    this.parts.push(prefix);
    this.atLineStart = false;
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && this.parts.length > 0) {
      this.parts.push('\n'.repeat(this.pendingBreaks));
      this.atLineStart = true;
    }
    this.pendingBreaks = 0;
  }

  /** Ends the line; a second call adds a blank line only when `count` asks for it. */
  ensureBreaks(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
  }

  lineBreak(): void {
    if (this.parts.length === 0 && this.pendingBreaks === 0) return;
    this.pendingBreaks += 1;
  }

  toString(): string {
    return this.parts.join('');
  }
}

interface WalkState {
  dropQuotes: boolean;
  quoted: string[];
  signatures: string[];
  historyStarted: boolean;
  listDepth: number;
}

function renderListItem(node: HtmlElement, parent: HtmlElement, index: number, sink: TextSink, state: WalkState): void {
  sink.ensureBreaks(1);
  const indent = '  '.repeat(Math.max(0, state.listDepth - 1));
  sink.writeLineStart(`${indent}${parent.tag === 'ol' ? `${index}. ` : '- '}`);
  renderChildren(node, sink, state);
  sink.ensureBreaks(1);
}

function renderChildren(node: HtmlElement, sink: TextSink, state: WalkState): void {
  let itemNumber = Number.parseInt(node.attrs.get('start') ?? '1', 10) || 1;
  for (const child of node.children) {
    if (state.historyStarted) return;
    if (child.kind === 'element' && child.tag === 'li' && (node.tag === 'ul' || node.tag === 'ol')) {
      renderListItem(child, node, itemNumber++, sink, state);
    } else {
      renderNode(child, sink, state);
    }
  }
}

function hasVisibleText(node: HtmlElement): boolean {
  return node.children.some((child) =>
    child.kind === 'text' ? /[^\s\u00a0]/.test(child.text) : !SKIPPED_TAGS.has(child.tag) && hasVisibleText(child),
  );
}

function renderElement(node: HtmlElement, sink: TextSink, state: WalkState): void {
  const role = state.dropQuotes ? quoteRole(node) : null;
  if (role === 'history') {
    state.quoted.push(renderSubtree(node));
    state.historyStarted = true;
    return;
  }
  if (role) {
    const dropped = renderSubtree(node);
    if (dropped) (role === 'signature' ? state.signatures : state.quoted).push(dropped);
    sink.ensureBreaks(1);
    return;
  }
  const tag = node.tag;
  if (tag === 'br') return sink.lineBreak();
  if (tag === 'pre') {
    sink.ensureBreaks(2);
    sink.write(renderSubtree(node, true));
    return sink.ensureBreaks(2);
  }
  const isList = tag === 'ul' || tag === 'ol';
  const isOutlookLine = tag === 'p' && classes(node).some((c) => c.toLowerCase() === 'msonormal');
  // Outlook writes blank lines as empty paragraphs.
  if (isOutlookLine && !hasVisibleText(node)) return sink.lineBreak();
  const isLineLike = isOutlookLine || (isList && state.listDepth > 0);
  const breaks = isLineLike ? 1 : PARAGRAPH_TAGS.has(tag) ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
  if (tag === 'td' || tag === 'th') sink.write(' ');
  sink.ensureBreaks(breaks);
  if (isList) state.listDepth++;
  renderChildren(node, sink, state);
  if (isList) state.listDepth--;
  sink.ensureBreaks(breaks);
}

function renderNode(node: HtmlNode, sink: TextSink, state: WalkState, preserveSpace = false): void {
  if (node.kind === 'text') {
    const text = node.text.replace(/\u00a0/g, ' ');
    sink.write(preserveSpace ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
    return;
  }
  if (SKIPPED_TAGS.has(node.tag)) return;
  if (preserveSpace) {
    if (node.tag === 'br') sink.write('\n');
    else for (const child of node.children) renderNode(child, sink, state, true);
    return;
  }
  renderElement(node, sink, state);
}

function renderSubtree(node: HtmlElement, preserveSpace = false): string {
  const sink = new TextSink();
  const state: WalkState = { dropQuotes: false, quoted: [], signatures: [], historyStarted: false, listDepth: 0 };
  for (const child of node.children) renderNode(child, sink, state, preserveSpace);
  return preserveSpace ? sink.toString() : tidyText(sink.toString());
}

/** Renders HTML as plain text with paragraphs, line breaks and list markers ("- ", "1. "). */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): HtmlToTextResult {
  const root = parseHtml(html);
  const sink = new TextSink();
  const state: WalkState = { dropQuotes: options.dropQuotes ?? false, quoted: [], signatures: [], historyStarted: false, listDepth: 0 };
  renderChildren(root, sink, state);
  return { text: tidyText(sink.toString()).replace(/\n{3,}/g, '\n\n'), quoted: state.quoted, signatures: state.signatures };
}
