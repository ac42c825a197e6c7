import { useEffect } from 'react';
import { writeTabDraft, type TabDraft } from '@/lib/rewrite/tab-drafts';

/**
 * Keeps the popup's work for one tab across closing and reopening it: every change of `current`
 * is kept, once what was kept before (lib/popup/first-screen.ts) has been taken up (`started`),
 * so it is never overwritten before it was read.
 */
export function useKeptTabDraft(tabId: number | null, current: TabDraft, started: boolean): void {
  const serialized = JSON.stringify(current);
  useEffect(() => {
    if (tabId === null || !started) return;
    void writeTabDraft(tabId, JSON.parse(serialized) as TabDraft);
  }, [tabId, started, serialized]);
}
