import type { IdiolectDatabase } from '../../lib/db/database';

/**
 * Makes the browser's storage "full" for some tables of a database not yet opened: while on,
 * every write that adds or changes a record there is refused with the QuotaExceededError
 * IndexedDB raises, at the level Dexie's own writes go through (so transactions abort as they
 * would in a browser). Deletes still work, as they free space.
 */
export function fillStorage(db: IdiolectDatabase, tables: readonly string[]): { full: boolean } {
  const control = { full: true };
  db.use({
    stack: 'dbcore',
    name: 'storage-full',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: (request) =>
            control.full && (request.type === 'add' || request.type === 'put')
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
  return control;
}
