import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Only lib/db touches tables; everyone else calls its named queries. And the extension's pages
 * only read: every change goes to the background as a command, so what follows a change (badge,
 * fingerprint, learning) runs whatever page made it. Tests may read tables to check results.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRODUCT_FOLDERS = ['lib', 'components', 'entrypoints'];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.includes('test-support'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const TABLE_USE = /\b\w*(?:db|Db|transaction)\.(?:profiles|samples|hypothesisSets|jobs|settings|styleProfiles|rewriteFeedback|tables|table\(|transaction\()/;
const DEXIE_IMPORT = /from ['"]dexie['"]/;

/** What a file does to tables it should not touch, by line: empty when it keeps to the boundary. */
export function tableUsesIn(source: string): string[] {
  return source.split('\n').filter((line) => TABLE_USE.test(line) || DEXIE_IMPORT.test(line));
}

/** The lib/db functions the popup and options page may call: reads (live queries) and the database handle. */
const READS_FOR_PAGES = new Set([
  'openIdiolectDatabase',
  'readActiveProfileView',
  'readActiveLearningView',
  'readActiveVoice',
  'watchSampleIdsOfProfile',
  // A live query: Dexie runs its querier read-only (a write inside it throws).
  'watchQuery',
  'samplesByIds',
  'readProfileView',
  'listProfiles',
  'samplesOfProfile',
  'readSetting',
  'readSavedSetting',
  'latestHypothesisSet',
  'listRewriteFeedback',
  'readRewriteFeedback',
  'hypothesisSetsOf',
  'listVoices',
  'countStoredRecords',
  'readVoiceForSite',
]);

function libDbImportsOf(source: string): string[] {
  const imports = source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"]@\/lib\/db\/[^'"]+['"]/g);
  return [...imports].flatMap(([, typeOnly, names]) =>
    typeOnly ? [] : names!.split(',').map((name) => name.trim()).filter((name) => name !== '' && !name.startsWith('type ')),
  );
}

describe('the storage boundary', () => {
  it('finds table use when there is some', () => {
    expect(tableUsesIn("await db.samples.where('profileId').equals(id).toArray();")).toHaveLength(1);
    expect(tableUsesIn("import Dexie from 'dexie';")).toHaveLength(1);
    expect(tableUsesIn('const total = summary.samples + file.profiles.length;')).toEqual([]);
  });

  it('has no file outside lib/db that touches a table', () => {
    const offenders = PRODUCT_FOLDERS.flatMap(sourceFiles)
      .filter((file) => !file.startsWith(`lib${path.sep}db${path.sep}`))
      .flatMap((file) => tableUsesIn(readFileSync(path.join(ROOT, file), 'utf8')).map((line) => `${file}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('lets the popup and options page only read: every change is a command to the background', () => {
    const pages = [...sourceFiles('components'), ...sourceFiles('entrypoints').filter((file) => !file.endsWith('background.ts'))];
    const writes = pages.flatMap((file) =>
      libDbImportsOf(readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((name) => !READS_FOR_PAGES.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(writes).toEqual([]);
  });
});
