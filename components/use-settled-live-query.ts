import { useEffect, useState } from 'react';
import { watchQuery } from '@/lib/db/watch-query';

/**
 * A live query for small answers (counts, lists of voices) that re-run on every change to the
 * samples they count: an answer equal to the last one is dropped before it reaches React, so
 * keeping one sample out of 10,000 re-renders neither the component that asked nor its children.
 */
export function useSettledLiveQuery<T>(querier: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let lastKey: string | undefined;
    return watchQuery(
      querier,
      (value) => {
        const key = JSON.stringify(value) ?? '';
        if (key === lastKey) return;
        lastKey = key;
        setAnswer({ value });
      },
      (error) => console.warn('Idiolect: a live query failed', error),
    );
    // The querier is a new function each render; what it reads is named by `deps`, as with useLiveQuery.
  }, deps);
  return answer?.value;
}
