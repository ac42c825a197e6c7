import type { Evidence } from './schema';

/** Quotes longer than this are passages, not evidence for one statement. */
export const MAX_QUOTE_CHARS = 300;
export const MAX_EVIDENCE_PER_HYPOTHESIS = 5;

function squeeze(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Keeps only the quotes that really occur in the sample they cite (allowing for case, spacing and
 * typographic quotes), so the profile never rests on invented evidence. `sampleIdOf` reads the
 * id the model used (a prompt alias such as "s2") back into the stored sample id.
 */
export function keepVerifiableEvidence(
  evidence: ReadonlyArray<{ sampleId: string; quote: string }>,
  samplesById: ReadonlyMap<string, string>,
  sampleIdOf: (cited: string) => string | undefined = (cited) => cited,
): Evidence[] {
  const kept: Evidence[] = [];
  for (const item of evidence) {
    const sampleId = sampleIdOf(item.sampleId.trim());
    const text = sampleId === undefined ? undefined : samplesById.get(sampleId);
    const quote = item.quote.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
    if (!sampleId || text === undefined || quote === '' || quote.length > MAX_QUOTE_CHARS) continue;
    if (!squeeze(text).includes(squeeze(quote))) continue;
    if (kept.some((other) => other.sampleId === sampleId && squeeze(other.quote) === squeeze(quote))) continue;
    kept.push({ sampleId, quote });
  }
  return kept.slice(0, MAX_EVIDENCE_PER_HYPOTHESIS);
}
