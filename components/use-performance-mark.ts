import { useEffect } from 'react';

/**
 * Marks, once, the moment a screen first shows what a person came for, so `npm run bench` can
 * measure it (performance.getEntriesByName) without guessing from the outside.
 */
export function usePerformanceMark(name: string, shown: boolean): void {
  useEffect(() => {
    if (shown && performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  }, [name, shown]);
}
