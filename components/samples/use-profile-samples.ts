import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { Sample } from '@/lib/db/records';
import { samplesByIds, samplesOfProfile, watchSampleIdsOfProfile } from '@/lib/db/samples';
import { newestFirst } from '@/lib/samples/sample-table';

/** The samples newest first (the table's usual order, so sorting them again is quick), and where each one is. */
interface Known {
  list: readonly Sample[];
  at: ReadonlyMap<string, number>;
}

/** Finds a known sample by id, without a map of its own per render. */
export interface SampleLookup {
  get(id: string): Sample | undefined;
  has(id: string): boolean;
}

function known(list: readonly Sample[]): Known {
  return { list, at: new Map(list.map((sample, index) => [sample.id, index])) };
}

/**
 * `current` with `fresh` samples in place of the old ones and `gone` ones left out. A change to
 * samples already listed (one kept out of 10,000) swaps them in a copy of the list and keeps
 * every position; only samples added or gone rebuild it.
 */
function patched(current: Known, fresh: readonly Sample[], gone: ReadonlySet<string>): Known {
  const added = fresh.filter((sample) => !current.at.has(sample.id));
  const freshIds = new Set(fresh.map((sample) => sample.id));
  const removed = [...gone].filter((id) => current.at.has(id) && !freshIds.has(id));
  if (added.length === 0 && removed.length === 0) {
    const list = current.list.slice();
    for (const sample of fresh) list[current.at.get(sample.id)!] = sample;
    return { list, at: current.at };
  }
  const replacing = new Map(fresh.map((sample) => [sample.id, sample]));
  const dropped = new Set(removed);
  const list = current.list.filter((sample) => !dropped.has(sample.id)).map((sample) => replacing.get(sample.id) ?? sample);
  return known(added.length > 0 ? [...list, ...added].sort(newestFirst) : list);
}

/** Whether `ids` are exactly the known samples' ids (the usual answer when one of them only changed). */
function sameIds(current: Known, ids: readonly string[]): boolean {
  return ids.length === current.list.length && ids.every((id) => current.at.has(id));
}

/**
 * The profile's samples, newest first, read whole once, then kept current by watching only their ids: a sample
 * added or removed anywhere is fetched or dropped alone, and a change this page asked for is
 * fetched again by `refresh(ids)`. So a change to one sample of 10,000 never re-reads them all.
 */
export function useProfileSamples(profileId: string): {
  samples: readonly Sample[] | undefined;
  lookup: SampleLookup;
  /** Changes only when samples come or go, not when one of them changes: for what depends on which samples there are. */
  membership: unknown;
  refresh: (ids: readonly string[]) => void;
} {
  const [shown, setKnown] = useState<Known | undefined>();
  const latest = useRef<Known | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const generation = useRef(0);

  /** Runs one change after the other, so a slow read never overwrites a newer one. */
  const enqueue = useCallback((change: (current: Known | undefined) => Promise<Known | null>) => {
    const mine = generation.current;
    queue.current = queue.current
      .then(async () => {
        const next = await change(latest.current);
        if (next && mine === generation.current) {
          latest.current = next;
          setKnown(next);
        }
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const db = openIdiolectDatabase();
    generation.current += 1;
    latest.current = undefined;
    setKnown(undefined);
    return watchSampleIdsOfProfile(db, profileId, (ids) =>
      enqueue(async (current) => {
        if (!current) return known((await samplesOfProfile(db, profileId)).sort(newestFirst));
        if (sameIds(current, ids)) return null;
        const present = new Set(ids);
        const added = ids.filter((id) => !current.at.has(id));
        const removed = current.list.filter((sample) => !present.has(sample.id)).map((sample) => sample.id);
        if (added.length === 0 && removed.length === 0) return null;
        const fresh = (await samplesByIds(db, added)).filter((sample) => sample.profileId === profileId);
        return patched(current, fresh, new Set(removed));
      }),
    );
  }, [profileId, enqueue]);

  const refresh = useCallback(
    (ids: readonly string[]) =>
      enqueue(async (current) => {
        if (!current || ids.length === 0) return null;
        const fresh = (await samplesByIds(openIdiolectDatabase(), ids)).filter((sample) => sample.profileId === profileId);
        return patched(current, fresh, new Set(ids));
      }),
    [enqueue, profileId],
  );

  const lookup = useMemo<SampleLookup>(
    () => ({
      get: (id) => {
        const index = shown?.at.get(id);
        return index === undefined ? undefined : shown!.list[index];
      },
      has: (id) => shown?.at.has(id) ?? false,
    }),
    [shown],
  );
  return { samples: shown?.list, lookup, membership: shown?.at, refresh };
}
