/**
 * Runs at most `concurrency` tasks at a time, in the order they were submitted. Once `signal`
 * aborts, tasks still waiting are not started: they reject with the abort reason.
 */
export function createPool(concurrency: number, signal?: AbortSignal): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  let running = 0;
  const waiting: Array<() => void> = [];

  function release(): void {
    running--;
    waiting.shift()?.();
  }

  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        if (signal?.aborted) {
          reject(signal.reason);
          waiting.shift()?.();
          return;
        }
        running++;
        task().then(resolve, reject).finally(release);
      };
      if (running < concurrency) start();
      else waiting.push(start);
    });
}
