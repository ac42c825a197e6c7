/**
 * The browser refuses a write once the extension's storage is full (IndexedDB's
 * QuotaExceededError). A person cannot act on that name, so every place that stores something
 * they would miss turns it into one message that says what to do.
 */
export const STORAGE_FULL_ADVICE =
  'Free some space: delete samples you no longer need in Idiolect’s options, or clear other sites’ data in your browser’s settings.';

/**
 * Dexie reports the refusal under the DOMException's name, or, when the browser aborted the
 * whole transaction, as an AbortError whose `inner` error is the quota error.
 */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if (current.name === 'QuotaExceededError') return true;
    current = (current as { inner?: unknown }).inner ?? current.cause;
  }
  return false;
}

/** "Your browser's storage for Idiolect is full, so <what> was not saved. <what to do>" */
export function storageFullMessage(whatWasNotSaved: string): string {
  return `Your browser’s storage for Idiolect is full, so ${whatWasNotSaved} was not saved. ${STORAGE_FULL_ADVICE}`;
}
