import { vi } from 'vitest';

/**
 * Idiolect's in-page cards attach closed shadow roots, which `host.shadowRoot` does not give back.
 * Tests keep each root as it is attached, to look inside the way the person sees it.
 */
export function keepClosedShadowRoots(): { rootOf(host: Element | null): ShadowRoot | null } {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return { rootOf: (host) => (host ? (roots.get(host) ?? null) : null) };
}
