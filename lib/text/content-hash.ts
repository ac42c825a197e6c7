/**
 * Duplicate detection: two samples that differ only in case, spacing, punctuation or typographic
 * variants (curly quotes, dashes, full-width forms) get the same hash.
 */
export function normalizeForDuplicateCheck(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Hex SHA-256 of the normalised text, via Web Crypto (browsers and Node 20). */
export async function contentHash(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(normalizeForDuplicateCheck(text));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
