import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';

/**
 * `useLiveQuery` for small results (counts, lists of voices) that re-run on every change to the
 * samples they count: while the answer is the same, the same object comes back, so keeping one
 * sample out of 10,000 does not re-render every part of the page that shows a count.
 */
export function useSettledLiveQuery<T>(querier: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  const fresh = useLiveQuery(querier, deps);
  const settled = useRef<{ value: T | undefined; key: string | undefined }>({ value: undefined, key: undefined });
  if (fresh !== settled.current.value) {
    const key = fresh === undefined ? undefined : JSON.stringify(fresh);
    if (key !== settled.current.key || fresh === undefined) settled.current = { value: fresh, key };
  }
  return settled.current.value;
}
