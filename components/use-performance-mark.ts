import { useLayoutEffect } from 'react';

/**
 * Marks, once, the moment a screen first shows what a person came for, so `npm run bench` can
 * measure it (performance.getEntriesByName) without guessing from the outside. Marked when the
 * DOM holds it (a layout effect), not after React gets round to its passive effects.
 */
export function usePerformanceMark(name: string, shown: boolean): void {
  useLayoutEffect(() => {
    if (shown && performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  }, [name, shown]);
}
