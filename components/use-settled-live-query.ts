import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * A live query for small answers (counts, lists of voices) that re-run on every change to the
 * samples they count: an answer equal to the last one is dropped before it reaches React, so
 * keeping one sample out of 10,000 re-renders neither the component that asked nor its children.
 */
export function useSettledLiveQuery<T>(querier: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let lastKey: string | undefined;
    const subscription = liveQuery(querier).subscribe({
      next: (value) => {
        const key = JSON.stringify(value) ?? '';
        if (key === lastKey) return;
        lastKey = key;
        setAnswer({ value });
      },
      error: (error: unknown) => console.warn('Idiolect: a live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The querier is a new function each render; what it reads is named by `deps`, as with useLiveQuery.
  }, deps);
  return answer?.value;
}
