import { contentHash as duplicateHashOf } from '../harvest/clean/content-hash';
import type { IdiolectDatabase } from './database';
import { updateStyleFingerprint } from './style-profiles';
import { sampleSchema, type Sample, type TextKind } from './records';

export interface NewSample {
  profileId: string;
  text: string;
  site: string;
  kind: TextKind;
  source: Sample['source'];
  writtenAt?: string;
  language?: string | null;
  recipientDomain?: string | null;
}

export type AddSampleResult = { status: 'stored'; sample: Sample } | { status: 'duplicate'; existingId: string };

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export async function addSample(db: IdiolectDatabase, input: NewSample): Promise<AddSampleResult> {
  const text = input.text.trim();
  const contentHash = await duplicateHashOf(text);
  const now = new Date().toISOString();
  const sample = sampleSchema.parse({
    id: crypto.randomUUID(),
    profileId: input.profileId,
    text,
    contentHash,
    site: input.site,
    kind: input.kind,
    source: input.source,
    language: input.language ?? null,
    recipientDomain: input.recipientDomain ?? null,
    wordCount: countWords(text),
    writtenAt: input.writtenAt ?? now,
    storedAt: now,
    excluded: false,
  });
  return db.transaction('rw', db.samples, db.styleProfiles, async () => {
    const existing = await db.samples.where({ profileId: input.profileId, contentHash }).first();
    if (existing) return { status: 'duplicate', existingId: existing.id } as const;
    await db.samples.add(sample);
    await updateStyleFingerprint(db, sample.profileId, sample.text, 'add');
    return { status: 'stored', sample } as const;
  });
}

export function listUsableSamples(db: IdiolectDatabase, profileId: string): Promise<Sample[]> {
  return db.samples
    .where('[profileId+storedAt]')
    .between([profileId, ''], [profileId, '\uffff'])
    .reverse()
    .filter((sample) => !sample.excluded)
    .toArray();
}
