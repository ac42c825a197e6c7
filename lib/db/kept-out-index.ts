import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import type { Sample } from './records';

/**
 * IndexedDB cannot index a boolean, so a sample kept out of learning also carries its `storedAt`
 * under this key, and an index on [profileId+keptOutStoredAt] holds those samples only. The key
 * is the database's own: it is set on every write here and taken off every read, so no record
 * outside lib/db (nor an export) ever has it, and `excluded` stays the one truth.
 */
export const KEPT_OUT_KEY = 'keptOutStoredAt';

type Stored = Sample & { [KEPT_OUT_KEY]?: string };

export function withKeptOutIndex(sample: Sample): Stored {
  const { [KEPT_OUT_KEY]: _indexed, ...record } = sample as Stored;
  return sample.excluded ? { ...record, [KEPT_OUT_KEY]: sample.storedAt } : record;
}

function withoutKeptOutIndex<T>(value: T): T {
  if (!value || typeof value !== 'object' || !(KEPT_OUT_KEY in value)) return value;
  const { [KEPT_OUT_KEY]: _indexed, ...record } = value as Record<string, unknown>;
  return record as T;
}

function samplesTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) =>
      request.type === 'add' || request.type === 'put' ? table.mutate({ ...request, values: request.values.map((value) => withKeptOutIndex(value as Sample)) }) : table.mutate(request),
    get: async (request) => withoutKeptOutIndex(await table.get(request)),
    getMany: async (request) => (await table.getMany(request)).map(withoutKeptOutIndex),
    query: async (request) => {
      const response = await table.query(request);
      return request.values ? { ...response, result: response.result.map(withoutKeptOutIndex) } : response;
    },
  };
}

export const keptOutIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'kept-out-index',
  create: (down) => ({ ...down, table: (name) => (name === 'samples' ? samplesTable(down.table(name)) : down.table(name)) }),
};
