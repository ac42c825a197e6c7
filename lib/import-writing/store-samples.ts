import Dexie from 'dexie';
import type { IdiolectDatabase } from '../db/database';
import { ensureActiveProfile } from '../db/profiles';
import { sampleSchema, type Sample } from '../db/records';
import { contentHash as duplicateHashOf } from '../harvest/clean';
import type { ImportCandidate } from './judge-text';

export interface StoredImport {
  added: number;
  duplicates: number;
}

/** Counted as addSample counts, so imported and collected samples compare. */
function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Writes all candidates in one transaction, so an import that fails while writing leaves nothing
 * behind. Hashes are computed first: Web Crypto calls inside a Dexie transaction would end it.
 */
export async function storeImportedSamples(db: IdiolectDatabase, candidates: readonly ImportCandidate[]): Promise<StoredImport> {
  const hashed = await Promise.all(candidates.map(async (candidate) => ({ candidate, contentHash: await duplicateHashOf(candidate.text) })));
  return db.transaction('rw', db.profiles, db.settings, db.samples, async () => {
    const profile = await ensureActiveProfile(db);
    const existingKeys = await db.samples
      .where('[profileId+contentHash]')
      .between([profile.id, Dexie.minKey], [profile.id, Dexie.maxKey])
      .keys();
    // Index keys are [profileId, contentHash]: reading them avoids loading every stored text.
    const seen = new Set(existingKeys.flatMap((key) => (Array.isArray(key) ? [String(key[1])] : [])));
    const now = new Date().toISOString();
    const samples: Sample[] = [];
    for (const { candidate, contentHash } of hashed) {
      if (seen.has(contentHash)) continue;
      seen.add(contentHash);
      samples.push(
        sampleSchema.parse({
          ...candidate,
          id: crypto.randomUUID(),
          profileId: profile.id,
          contentHash,
          wordCount: countWords(candidate.text),
          writtenAt: candidate.writtenAt ?? now,
          storedAt: now,
          excluded: false,
        }),
      );
    }
    await db.samples.bulkAdd(samples);
    return { added: samples.length, duplicates: hashed.length - samples.length };
  });
}
