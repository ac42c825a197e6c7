import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** An error whose message a person can act on; `cause` keeps the technical detail for debugging. */
export class LlmError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'auth'
      | 'not-found'
      | 'forbidden'
      | 'rate-limit'
      | 'timeout'
      | 'unreachable'
      | 'bad-request'
      | 'server'
      | 'invalid-output'
      | 'cancelled',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}

export function describeLlmFailure(error: unknown, endpoint: { baseURL: string; model: string }): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIUserAbortError) return new LlmError('Cancelled.', 'cancelled', { cause: error });
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError(`The model at ${endpoint.baseURL} did not answer in time.`, 'timeout', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new LlmError(
      `Could not reach ${endpoint.baseURL}. Is the server running, and is the Base URL right?`,
      'unreachable',
      { cause: error },
    );
  }
  if (error instanceof APIError) {
    switch (error.status) {
      case 401:
        return new LlmError('The API key was refused (401). Check the key in Idiolect’s options.', 'auth', { cause: error });
      case 403:
        return new LlmError(`The endpoint refused the request (403): ${error.message}`, 'forbidden', { cause: error });
      case 404:
        return new LlmError(
          `The model “${endpoint.model}” was not found at ${endpoint.baseURL} (404). Check the model name.`,
          'not-found',
          { cause: error },
        );
      case 429:
        return new LlmError('The endpoint is rate-limiting requests (429). Try again in a moment.', 'rate-limit', { cause: error });
      case 400:
        return new LlmError(`The endpoint rejected the request (400): ${error.message}`, 'bad-request', { cause: error });
      default:
        return new LlmError(`The endpoint failed (${error.status ?? 'no status'}): ${error.message}`, 'server', { cause: error });
    }
  }
  return new LlmError(error instanceof Error ? error.message : String(error), 'server', { cause: error });
}
