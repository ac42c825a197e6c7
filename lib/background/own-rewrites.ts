import type { IdiolectDatabase } from '../db/database';
import { readSetting, updateSetting } from '../db/settings';
import { contentHash as duplicateHashOf } from '../text';

const REMEMBERED_REWRITES = 200;

/**
 * Remembers a rewrite Idiolect produced. When the user sends it as it is, it is the model's text,
 * not theirs: learning from it would feed the profile its own output.
 */
export async function rememberRewrite(db: IdiolectDatabase, text: string, stopped?: AbortSignal): Promise<void> {
  const hash = await duplicateHashOf(text);
  await updateSetting(db, 'recentRewriteHashes', (recent) => [hash, ...recent.filter((known) => known !== hash)].slice(0, REMEMBERED_REWRITES), stopped);
}

export async function isIdiolectRewrite(db: IdiolectDatabase, contentHash: string): Promise<boolean> {
  return (await readSetting(db, 'recentRewriteHashes')).includes(contentHash);
}
