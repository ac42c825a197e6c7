import { openRewriteCard } from '@/lib/rewrite-card/rewrite-card';

/**
 * The in-page rewrite card, injected by the background only when the person first asks for it
 * (the shortcut, the menu, or the control beside a field), so the harvesting script stays small.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>).idiolectRewriteCard ??= { open: () => openRewriteCard(document) };
});
