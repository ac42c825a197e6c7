import { LlmError } from './errors';

const MIN_SECRET_LENGTH = 6;

/**
 * Some servers quote the request back in their errors ("Incorrect API key provided: sk-…"). The
 * key must never reach a message that is shown, stored or logged, so it is cut out, whole or in
 * its longer pieces (a server may quote it masked in the middle).
 */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret || secret.length < MIN_SECRET_LENGTH) return text;
  let redacted = text.split(secret).join('[your API key]');
  for (const piece of [secret.slice(0, Math.ceil(secret.length / 2)), secret.slice(Math.floor(secret.length / 2))]) {
    if (piece.length >= 12) redacted = redacted.split(piece).join('[part of your API key]');
  }
  return redacted;
}

/**
 * The same error with the key cut out of its message. A technical cause that quotes the key is
 * dropped too, since causes end up in logs.
 */
export function withoutSecret(error: LlmError, secret: string | null | undefined): LlmError {
  const message = redactSecret(error.message, secret);
  const cause = error.cause instanceof Error ? `${error.cause.message}` : String(error.cause ?? '');
  if (message === error.message && redactSecret(cause, secret) === cause) return error;
  return new LlmError(message, error.code, { retryAfterMs: error.retryAfterMs });
}
