/**
 * How many requests one endpoint gets at once. Unlimited until the server shows it cannot take
 * them (a local server whose parallel slots share one context); from then on one at a time, so
 * the request that failed can succeed when it is sent again.
 */
export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** From now on, one request at a time. */
  serialize(): void;
}

export function createConcurrencyGate(): ConcurrencyGate {
  let limit = Number.POSITIVE_INFINITY;
  let running = 0;
  const waiting: Array<() => void> = [];

  function next(): void {
    while (running < limit && waiting.length > 0) {
      running++;
      waiting.shift()!();
    }
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        next();
      });
      try {
        return await task();
      } finally {
        running--;
        next();
      }
    },
    serialize() {
      limit = 1;
    },
  };
}
