import { isRetryable, retryAfterMsOf } from './errors';

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  maxRetries: number;
  /** A server asking to wait longer than this is not waited for: the person is told instead. */
  maxWaitMs: number;
  /** First back-off when the server does not say how long to wait; doubles each time. */
  baseDelayMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called before each wait, e.g. to say "waiting 20 s for the rate limit". */
  onRetry?: (info: { attempt: number; waitMs: number; error: unknown }) => void;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxWaitMs: 60_000,
  baseDelayMs: 1_000,
  sleep: abortableSleep,
};

/**
 * Sends again what a rate limit or a passing server error refused: after the wait the server
 * asked for (`Retry-After`), or with exponential back-off when it did not say. Throws the last
 * error as it came, for the caller to describe.
 */
export async function withRetries<T>(
  send: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maxRetries || signal?.aborted) throw error;
      const asked = retryAfterMsOf(error);
      // The message then says how long the server asked for, so the person can come back then.
      if (asked !== undefined && asked > policy.maxWaitMs) throw error;
      const backoff = policy.baseDelayMs * 2 ** attempt * (0.8 + Math.random() * 0.4);
      const waitMs = asked ?? backoff;
      policy.onRetry?.({ attempt: attempt + 1, waitMs, error });
      await policy.sleep(waitMs, signal);
    }
  }
}
