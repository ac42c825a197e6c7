import type { Evidence } from './schema';

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Keeps only the quotes that really occur in the sample they cite, so the profile never rests on invented evidence. */
export function keepVerifiableEvidence(evidence: Evidence[], samplesById: ReadonlyMap<string, string>): Evidence[] {
  return evidence.filter((item) => {
    const text = samplesById.get(item.sampleId);
    return text !== undefined && item.quote.trim() !== '' && squeeze(text).includes(squeeze(item.quote));
  });
}
