import type { Page } from 'playwright-core';

/**
 * The editors' own models, read the way their libraries keep them: ProseMirror's document on the
 * view description, Draft.js's EditorState and Slate's editor in React props up the fiber tree.
 */
export type ModelKind = 'prosemirror' | 'draft' | 'slate';

/** The text the editor's own model holds (not its DOM), or null when the model cannot be found. */
export function modelText(page: Page, selector: string, kind: ModelKind): Promise<string | null> {
  return page.evaluate(
    ([target, model]) => {
      // A DOM node may point at the stale copy of its fiber; a class component's instance has the current props.
      type Fiber = { return: Fiber | null; memoizedProps?: Record<string, unknown>; stateNode?: { props?: Record<string, unknown> } | null };
      type SlateNode = { text?: string; children?: SlateNode[] };
      const element = document.querySelector(target!) as (HTMLElement & Record<string, unknown>) | null;
      if (!element) return null;
      if (model === 'prosemirror') {
        const doc = (element.pmViewDesc as { node: { content: { size: number }; textBetween(from: number, to: number, sep: string): string } }).node;
        return doc.textBetween(0, doc.content.size, '\n');
      }
      const key = Object.keys(element).find((name) => name.startsWith('__reactFiber$') || name.startsWith('__reactInternalInstance$'));
      for (let fiber = key ? (element[key] as Fiber | null) : null; fiber; fiber = fiber.return) {
        const props = fiber.stateNode?.props ?? fiber.memoizedProps ?? {};
        if (model === 'draft' && props.editorState) {
          return (props.editorState as { getCurrentContent(): { getPlainText(sep: string): string } }).getCurrentContent().getPlainText('\n');
        }
        if (model === 'slate' && Array.isArray((props.editor as { children?: unknown })?.children)) {
          const text = (node: SlateNode): string => node.text ?? (node.children ?? []).map(text).join('');
          return ((props.editor as { children: SlateNode[] }).children).map(text).join('\n');
        }
      }
      return null;
    },
    [selector, kind],
  );
}
