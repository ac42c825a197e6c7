import { describe, expect, it } from 'vitest';
import { createPool } from './pool';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('createPool', () => {
  it('never runs more than the limit at once, and starts waiting tasks in order', async () => {
    const run = createPool(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, index) =>
      run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2]);
  });

  it('does not start waiting tasks once aborted', async () => {
    const abort = new AbortController();
    const run = createPool(1, abort.signal);
    const gate = deferred();
    let laterStarted = false;
    const first = run(() => gate.promise);
    const later = run(async () => {
      laterStarted = true;
    });
    abort.abort(new Error('stop'));
    gate.resolve();
    await first;
    await expect(later).rejects.toThrow('stop');
    expect(laterStarted).toBe(false);
  });
});
