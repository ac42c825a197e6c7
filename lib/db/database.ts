import Dexie, { type EntityTable } from 'dexie';
import type { HypothesisSet } from '../hyperalign/schema';
import type { InferenceJob, Profile, Sample, SettingRecord } from './records';

/**
 * The whole local profile store. Large text (sample bodies, hypotheses) is stored but never
 * indexed; every schema change gets a new numbered version with its upgrade step.
 */
export class IdiolectDatabase extends Dexie {
  profiles!: EntityTable<Profile, 'id'>;
  samples!: EntityTable<Sample, 'id'>;
  hypothesisSets!: EntityTable<HypothesisSet, 'id'>;
  jobs!: EntityTable<InferenceJob, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = 'idiolect') {
    super(name);
    this.version(1).stores({
      profiles: 'id, createdAt',
      samples: 'id, profileId, [profileId+contentHash], [profileId+storedAt]',
      hypothesisSets: 'id, profileId, [profileId+version]',
      jobs: 'id, state, profileId',
      settings: 'key',
    });
  }
}

let shared: IdiolectDatabase | undefined;

/** The extension's one database, opened on first use in whichever context asks. */
export function openIdiolectDatabase(): IdiolectDatabase {
  shared ??= new IdiolectDatabase();
  return shared;
}
