import { insertIntoFocusedField, readFocusedDraft, type DraftSource } from '@/lib/page-bridge/focused-field';
import type { PageBridge } from '@/lib/page-bridge/tab-bridge';

/**
 * Injected into a tab only when the user asks the popup to read or fill the field they were in.
 * The injection answers with the field's draft, so that reading it, which the popup's first
 * screen waits on, takes one call into the page instead of two.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as { idiolectPageBridge?: PageBridge };
  scope.idiolectPageBridge ??= {
    read: () => readFocusedDraft(document),
    insert: (text: string, source: DraftSource) => insertIntoFocusedField(document, text, source),
  };
  return scope.idiolectPageBridge.read();
});
