import type { LlmClient } from '../llm/types';

/**
 * Chrome stops an MV3 worker after about 30 s without events or extension API calls, even while
 * a fetch is waiting for a slow local model and a port is open. An extension API call every
 * 20 s, made only while a model call is in flight, keeps it alive until the product's own
 * time-outs decide.
 */
export const KEEP_ALIVE_INTERVAL_MS = 20_000;

export interface WorkerKeepAlive {
  /** Keeps the worker alive until `work` settles. */
  during<T>(work: Promise<T>): Promise<T>;
  /** Keeps the worker alive while the stream is being read, until it ends, fails or is abandoned. */
  duringStream<T>(stream: AsyncIterable<T>): AsyncIterable<T>;
}

export function createWorkerKeepAlive(ping: () => Promise<unknown>, intervalMs = KEEP_ALIVE_INTERVAL_MS): WorkerKeepAlive {
  let holders = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  function hold(): () => void {
    if (holders++ === 0) timer = setInterval(() => void ping().catch(() => undefined), intervalMs);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--holders === 0) clearInterval(timer);
    };
  }

  return {
    async during(work) {
      const release = hold();
      try {
        return await work;
      } finally {
        release();
      }
    },
    async *duringStream(stream) {
      const release = hold();
      try {
        yield* stream;
      } finally {
        release();
      }
    },
  };
}

/** The same client, keeping the worker alive through each of its model calls. */
export function keepingWorkerAlive(client: LlmClient, keepAlive: WorkerKeepAlive): LlmClient {
  return {
    ...client,
    completeStructured: (request) => keepAlive.during(client.completeStructured(request)),
    completeText: (request) => keepAlive.during(client.completeText(request)),
    testConnection: (signal) => keepAlive.during(client.testConnection(signal)),
    streamText: (request) => keepAlive.duringStream(client.streamText(request)),
  };
}
