import { IdiolectDatabase } from '../../lib/db/database';

/** A new, empty database per test, so tests never see each other's data. */
export function freshDatabase(): IdiolectDatabase {
  return new IdiolectDatabase(`idiolect-test-${crypto.randomUUID()}`);
}
