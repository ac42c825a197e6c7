import { insertIntoFocusedField, readFocusedDraft, type DraftSource } from '@/lib/page-bridge/focused-field';

/** Injected into a tab only when the user asks the popup to read or fill the field they were in. */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>).idiolectPageBridge ??= {
    read: () => readFocusedDraft(document),
    insert: (text: string, source: DraftSource) => insertIntoFocusedField(document, text, source),
  };
});
