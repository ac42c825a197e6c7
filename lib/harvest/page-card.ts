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
