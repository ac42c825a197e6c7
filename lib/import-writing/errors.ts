/** A problem with what the user chose to import, worded for them; nothing was stored. */
export class ImportWritingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportWritingError';
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
