import Dexie, { type EntityTable } from 'dexie';
import type { HypothesisSet } from '../hyperalign/schema';
import type { InferenceJob, Profile, Sample, SettingRecord, StyleProfile } from './records';
import { buildStyleProfiles } from './style-profiles';

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
  styleProfiles!: EntityTable<StyleProfile, 'profileId'>;

  constructor(name = 'idiolect') {
    super(name);
    this.version(1).stores({
      profiles: 'id, createdAt',
      samples: 'id, profileId, [profileId+contentHash], [profileId+storedAt]',
      hypothesisSets: 'id, profileId, [profileId+version]',
      jobs: 'id, state, profileId',
      settings: 'key',
    });
    // v2: each profile's stylometric fingerprint, kept up to date sample by sample.
    this.version(2)
      .stores({ styleProfiles: 'profileId' })
      .upgrade(async (transaction) => {
        const samples = await transaction.table<Sample, string>('samples').toArray();
        const profileIds = await transaction.table<Profile, string>('profiles').toCollection().primaryKeys();
        await transaction.table<StyleProfile, string>('styleProfiles').bulkPut(buildStyleProfiles(profileIds, samples));
      });
  }
}

let shared: IdiolectDatabase | undefined;

/** The extension's one database, opened on first use in whichever context asks. */
export function openIdiolectDatabase(): IdiolectDatabase {
  shared ??= new IdiolectDatabase();
  return shared;
}
