import type { TextKind } from '../../db/records';
import type { SiteAdapter } from '../site-adapter';
import { writeText } from '../write-back';

/** A site described as data: where it applies, which editors are the user's, what sends. */
export interface SiteSpec {
  id: string;
  /** Host names this site lives on; `.example.com` also matches every subdomain. */
  hosts?: readonly string[];
  /** Paths on those hosts where the site's editors are (all paths when absent). */
  paths?: RegExp;
  /** For sites recognised by something other than their host (self-hosted WordPress, Discourse). */
  appliesTo?(url: URL, doc?: Document): boolean;
  kind: TextKind;
  /** When the kind depends on the field (a post editor and comment boxes on one site). */
  kindOf?(field: HTMLElement): TextKind;
  /** CSS selector of the editors whose text is the user's own. Anything else on the site is never read. */
  editor: string;
  /** When one document is split over many editables (block editors), the element holding all of them. */
  document?: string;
  /** CSS selector of the controls that send, post or publish. */
  sendControl?: string;
  /** Accessible names of controls that send, for sites whose buttons carry no stable hook. */
  sendLabel?: RegExp;
  /** Parts of the editor the site marks as not the user's new text (quoted thread, signature). */
  exclude?: string;
  recipientDomain?(field: HTMLElement): string | null;
  /** Called after a rewrite was written, e.g. to make the site save a draft. */
  afterWrite?(field: HTMLElement): void;
}

export function hostMatches(host: string, hosts: readonly string[]): boolean {
  const name = host.toLowerCase();
  return hosts.some((rule) => (rule.startsWith('.') ? name === rule.slice(1) || name.endsWith(rule) : name === rule));
}

export function defineSite(spec: SiteSpec): SiteAdapter {
  return {
    id: spec.id,
    appliesTo(url, doc) {
      if (spec.appliesTo) return spec.appliesTo(url, doc);
      return hostMatches(url.hostname, spec.hosts ?? []) && (!spec.paths || spec.paths.test(url.pathname));
    },
    kind: spec.kind,
    kindOf: (field) => spec.kindOf?.(field) ?? spec.kind,
    userField(editable) {
      const editor = editable.closest<HTMLElement>(spec.editor);
      if (!editor) return null;
      return (spec.document && editor.closest<HTMLElement>(spec.document)) || editor;
    },
    isSendControl(control) {
      if (spec.sendControl && control.closest(spec.sendControl)) return true;
      return !!spec.sendLabel && spec.sendLabel.test(accessibleLabelOf(control));
    },
    readText: (field) => readFieldText(field, spec.exclude),
    recipientDomain: (field) => spec.recipientDomain?.(field) ?? null,
    async writeText(field, text, selection) {
      const result = await writeText(field, text, { keep: spec.exclude, selection });
      spec.afterWrite?.(field);
      return result;
    },
  };
}

/** The name a person would read or hear for a control: aria-label, its text, its value, or its title. */
export function accessibleLabelOf(control: Element): string {
  const value = control.tagName === 'INPUT' ? (control as HTMLInputElement).value : '';
  const candidates = [control.getAttribute('aria-label'), control.textContent, value, control.getAttribute('title'), control.getAttribute('data-tooltip')];
  return candidates.map((text) => text?.trim() ?? '').find((text) => text !== '') ?? '';
}

/**
 * The text of an editor as the user wrote it, with paragraphs. Textareas give their value; rich
 * editors their rendered text, minus the parts matching `exclude` (quoted replies, signatures).
 */
export function readFieldText(field: HTMLElement, exclude?: string): string {
  if (field.tagName === 'TEXTAREA') return (field as HTMLTextAreaElement).value;
  const excluded = exclude ? [...field.querySelectorAll(exclude)] : [];
  if (excluded.length === 0 && typeof field.innerText === 'string' && field.getClientRects().length > 0) return field.innerText;
  return blockText(field, excluded);
}

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TR|UL)$/;

/** innerText without layout: block elements start lines, <br> breaks them, <p> leaves a blank line. */
function blockText(root: HTMLElement, excluded: readonly Element[]): string {
  let out = '';
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data.replace(/\u00a0/g, ' ');
      out += pre ? data : data.replace(/[ \t\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (excluded.includes(element) || /^(SCRIPT|STYLE|TEMPLATE)$/.test(element.tagName)) return;
    if (element.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.test(element.tagName);
    if (block) newline();
    for (const child of element.childNodes) walk(child, pre || element.tagName === 'PRE');
    if (block) newline();
    if (element.tagName === 'P' && out !== '') out += '\n';
  };
  walk(root, false);
  return out
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const EMAIL = /[A-Z0-9._%+-]+@([A-Z0-9.-]+\.[A-Z]{2,})/i;

/**
 * The domain of the first recipient shown in the compose window around `field` (the nearest
 * surroundings that show any recipient): chips carry the address in an attribute, plain recipient
 * boxes in their value. Only the domain leaves this function.
 */
export function firstRecipientDomain(field: HTMLElement, recipients: string): string | null {
  for (let scope = field.parentElement; scope; scope = scope.parentElement) {
    const shown = scope.querySelectorAll(recipients);
    if (shown.length === 0) continue;
    for (const element of shown) {
      const sources = [
        element.getAttribute('email'),
        element.getAttribute('data-hovercard-id'),
        element.getAttribute('title'),
        element.getAttribute('aria-label'),
        'value' in element ? String((element as HTMLInputElement).value) : null,
        element.textContent,
      ];
      for (const source of sources) {
        const domain = source?.match(EMAIL)?.[1];
        if (domain) return domain.toLowerCase();
      }
    }
    return null;
  }
  return null;
}
