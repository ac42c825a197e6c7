import Dexie, { type EntityTable } from 'dexie';
import { keptOutIndexMiddleware, withKeptOutIndex } from './kept-out-index';
import type { HypothesisSet } from '../hyperalign/schema';
import type { InferenceJob, Profile, RewriteFeedback, Sample, SettingRecord, StyleProfile } from './records';

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
  rewriteFeedback!: EntityTable<RewriteFeedback, 'id'>;

  constructor(name = 'idiolect') {
    super(name);
    this.version(1).stores({
      profiles: 'id, createdAt',
      samples: 'id, profileId, [profileId+contentHash], [profileId+storedAt]',
      hypothesisSets: 'id, profileId, [profileId+version]',
      jobs: 'id, state, profileId',
      settings: 'key',
    });
    // v2: each profile's stylometric fingerprint, kept up to date sample by sample. Upgraded stores
    // start without one: it is built from the samples on first read (style-profiles.ts), so the
    // schema, which every page opens, does not bring the style code and its reference data along.
    this.version(2).stores({ styleProfiles: 'profileId' });
    // v3: what the person said of rewrites ("sounds like me" or not), read by the next refinement.
    // A new table only: older stores upgrade with it empty.
    this.version(3).stores({ rewriteFeedback: 'id, [profileId+createdAt]' });
    // v4: an index holding only the samples kept out of learning, so they are counted (and those
    // since a version was learned) from the index alone, never by reading 10,000 samples.
    this.version(4)
      .stores({ samples: 'id, profileId, [profileId+contentHash], [profileId+storedAt], [profileId+keptOutStoredAt]' })
      .upgrade((transaction) =>
        transaction
          .table('samples')
          .toCollection()
          .modify((sample: Sample) => Object.assign(sample, withKeptOutIndex(sample))),
      );
    this.use(keptOutIndexMiddleware);
  }
}

let shared: IdiolectDatabase | undefined;

/** The extension's one database, opened on first use in whichever context asks. */
export function openIdiolectDatabase(): IdiolectDatabase {
  shared ??= new IdiolectDatabase();
  return shared;
}
