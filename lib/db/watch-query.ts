import { liveQuery } from 'dexie';

/**
 * Calls `onAnswer` with what `querier` reads now and after every change to what it read; returns
 * how to stop. Dexie runs a live query's querier read-only, so pages may use this and still only read.
 */
export function watchQuery<T>(querier: () => Promise<T> | T, onAnswer: (answer: T) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(querier).subscribe({ next: onAnswer, error: onError });
  return () => subscription.unsubscribe();
}
