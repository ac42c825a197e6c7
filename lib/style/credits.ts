/**
 * Where the reference writers' texts come from, under which licence, and one attribution per
 * writer, for the About and licences page. Kept apart from the reference population so that the
 * attributions are bundled only where they are shown.
 */
import { z } from 'zod';
import creditsJson from './reference-credits.json' with { type: 'json' };
import type { ReferenceSource } from './reference';

const creditsSchema = z.object({
  license: z.string(),
  sources: z.array(z.object({ id: z.string(), genre: z.string(), description: z.string(), license: z.string() })),
  credits: z.array(z.object({ source: z.string(), attributions: z.array(z.string()) })),
});

export interface ReferenceCredit extends ReferenceSource {
  /** One attribution per writer of this source: each names or links the creator. */
  readonly attributions: readonly string[];
}

export function referenceCredits(): { license: string; sources: ReferenceCredit[] } {
  const { license, sources, credits } = creditsSchema.parse(creditsJson);
  return {
    license,
    sources: sources.map((s) => ({ ...s, attributions: credits.find((c) => c.source === s.id)?.attributions ?? [] })),
  };
}
