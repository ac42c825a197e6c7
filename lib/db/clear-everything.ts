import type { IdiolectDatabase } from './database';

/** Empties every table of the profile store in one transaction ("Delete all my data"). */
export async function clearEveryTable(db: IdiolectDatabase): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}
