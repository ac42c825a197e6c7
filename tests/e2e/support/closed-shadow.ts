import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Idiolect's in-page cards live in closed shadow roots, which neither the page's script nor
 * Playwright's locators can reach. The browser's accessibility tree does: this finds controls
 * there by role and accessible name (as a screen reader would), clicks them with the real mouse
 * (trusted input, as the cards require), and reads their text.
 */
export interface ClosedShadow {
  /** Waits for an element with this role and name (a RegExp is matched against every node of the role). */
  find(role: string, name: string | RegExp): Promise<number>;
  count(role: string, name: string | RegExp): Promise<number>;
  click(role: string, name: string | RegExp): Promise<void>;
  text(role: string, name: string | RegExp): Promise<string>;
  attribute(role: string, name: string | RegExp, attribute: string): Promise<string | null>;
  /** What `expression` gives in the extension's own content-script world of this page (its isolated world). */
  evaluateInExtensionWorld(expression: string): Promise<unknown>;
}

interface AXNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
  name?: { value?: string };
}

export async function closedShadowOf(page: Page): Promise<ClosedShadow> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { isDefault?: boolean; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
  await cdp.send('Runtime.enable');

  async function query(role: string, name: string | RegExp): Promise<number[]> {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      role,
      ...(typeof name === 'string' ? { accessibleName: name } : {}),
    })) as { nodes: AXNode[] };
    return nodes
      .filter((node) => !node.ignored && node.backendDOMNodeId !== undefined)
      .filter((node) => typeof name === 'string' || name.test(node.name?.value ?? ''))
      .map((node) => node.backendDOMNodeId!);
  }

  async function find(role: string, name: string | RegExp): Promise<number> {
    let found: number[] = [];
    await expect.poll(async () => (found = await query(role, name)).length, { timeout: 10_000, message: `${role} “${String(name)}”` }).toBeGreaterThan(0);
    return found[0]!;
  }

  async function call(backendNodeId: number, functionDeclaration: string): Promise<unknown> {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration, returnByValue: true });
    return result.value;
  }

  return {
    find,
    count: async (role, name) => (await query(role, name)).length,
    async click(role, name) {
      const node = await find(role, name);
      await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node });
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node });
      const [x1, y1, , , x3, y3] = model.content;
      await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
    },
    text: async (role, name) => String(await call(await find(role, name), 'function () { return this.textContent; }')),
    attribute: async (role, name, attribute) =>
      (await call(await find(role, name), `function () { return this.getAttribute(${JSON.stringify(attribute)}); }`)) as string | null,
    async evaluateInExtensionWorld(expression) {
      const world = contexts.find((context) => context.name === 'Idiolect' && context.auxData?.isDefault === false);
      if (!world) throw new Error('Idiolect has no content script in this page.');
      const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
      return result.value;
    },
  };
}
