import type { IdiolectDatabase } from '../db/database';
import { readSetting } from '../db/settings';
import type { AdmissionContext } from './judge-offer';

/** The person's settings that every judgement reads, read once per batch. */
export async function readAdmissionContext(db: IdiolectDatabase): Promise<AdmissionContext> {
  return {
    redact: await readSetting(db, 'redactBeforeStoring'),
    ownRewriteHashes: new Set(await readSetting(db, 'recentRewriteHashes')),
  };
}
