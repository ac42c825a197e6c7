/**
 * The look the small cards share: the design tokens' colours (light and dark), in pixels, so a
 * page's root font size cannot shrink them. Written out here: the tokens file would double this script.
 */
export const SMALL_CARD_STYLE = `:host{all:initial}
.card{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:320px;font:13px/1.4 system-ui,sans-serif;color:#1d1c1a;
background:#fff;border:1px solid #d9d8d3;border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0/.16);padding:10px 12px}
p{margin:0}q{display:block;color:#5d5b55;font-style:italic;margin:8px 0}button{font:inherit;margin:8px 6px 0 0;padding:3px 10px;cursor:pointer}
@media (prefers-color-scheme:dark){.card{color:#ecebe7;background:#201f1d;border-color:#3a3935}q{color:#aeaca5}}`;

/**
 * A small card of Idiolect's in the page, in a shadow root of its own so the page's styles cannot
 * bend it, and closed, so the page's script cannot read or reach into it either. The caller fills
 * `card` with text-only content and removes `host` when done.
 */
export function attachPageCard(doc: Document, tagName: string, css: string, role: 'dialog' | 'alert' | 'status'): { host: HTMLElement; card: HTMLDivElement } {
  const host = doc.createElement(tagName);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', role);
  root.append(style, card);
  doc.body.append(host);
  return { host, card };
}
