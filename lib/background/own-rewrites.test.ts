import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../tests/support/fresh-database';
import { readSetting } from '../db/settings';
import { contentHash } from '../text';
import { isIdiolectRewrite, rememberRewrite } from './own-rewrites';

describe('remembering the rewrites Idiolect wrote', () => {
  it('remembers one so that sending it unchanged is not learned as the person’s own writing', async () => {
    const db = freshDatabase();
    await rememberRewrite(db, 'Hi all, the plan is in the doc. - J');
    expect(await isIdiolectRewrite(db, await contentHash('Hi all, the plan is in the doc. - J'))).toBe(true);
  });

  it('writes nothing for a rewrite that was stopped (a wipe began while its hash was computed)', async () => {
    const db = freshDatabase();
    const stopped = new AbortController();
    const remembering = rememberRewrite(db, 'Hi all, the plan is in the doc. - J', stopped.signal);
    stopped.abort();
    await remembering;
    expect(await readSetting(db, 'recentRewriteHashes')).toEqual([]);
    expect(await db.settings.count()).toBe(0);
  });
});
