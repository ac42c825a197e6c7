import { useEffect, useRef, useState } from 'react';
import type { TabDraft } from '@/lib/rewrite/tab-drafts';

// Session storage and its schema load beside the first render, not before it.
const tabDrafts = () => import('@/lib/rewrite/tab-drafts');

/**
 * Keeps the popup's work for one tab across closing and reopening it: `onRestore` gets what was
 * kept (null: nothing yet) once per tab, and from then on every change of `current` is kept.
 */
export function useTabDraft(tabId: number | null, current: TabDraft, onRestore: (saved: TabDraft | null) => void): void {
  const [restoredFor, setRestoredFor] = useState<number | null>(null);
  const restoreRef = useRef(onRestore);
  restoreRef.current = onRestore;

  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void tabDrafts()
      .then((module) => module.readTabDraft(tabId))
      .catch(() => null)
      .then((saved) => {
        if (!live) return;
        restoreRef.current(saved);
        setRestoredFor(tabId);
      });
    return () => {
      live = false;
    };
  }, [tabId]);

  const serialized = JSON.stringify(current);
  useEffect(() => {
    if (tabId === null || restoredFor !== tabId) return;
    void tabDrafts().then((module) => module.writeTabDraft(tabId, JSON.parse(serialized) as TabDraft));
  }, [tabId, restoredFor, serialized]);
}
