import { useCallback, useEffect, useRef, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { Sample } from '@/lib/db/records';
import { samplesByIds, samplesOfProfile, watchSampleIdsOfProfile } from '@/lib/db/samples';
import { newestFirst } from '@/lib/samples/sample-table';

/** The samples newest first (the table's usual order, so sorting them again is quick), and by id. */
interface Known {
  list: readonly Sample[];
  byId: ReadonlyMap<string, Sample>;
}

function known(list: Sample[]): Known {
  return { list, byId: new Map(list.map((sample) => [sample.id, sample])) };
}

/** `current` with `fresh` samples in place of the old ones and `gone` ones left out; re-sorted only when some are new. */
function patched(current: Known, fresh: readonly Sample[], gone: ReadonlySet<string>): Known {
  const replacing = new Map(fresh.map((sample) => [sample.id, sample]));
  const list = current.list.flatMap((sample) => (gone.has(sample.id) && !replacing.has(sample.id) ? [] : [replacing.get(sample.id) ?? sample]));
  const added = fresh.filter((sample) => !current.byId.has(sample.id));
  return known(added.length > 0 ? [...list, ...added].sort(newestFirst) : list);
}

/**
 * The profile's samples, newest first, read whole once, then kept current by watching only their ids: a sample
 * added or removed anywhere is fetched or dropped alone, and a change this page asked for is
 * fetched again by `refresh(ids)`. So a change to one sample of 10,000 never re-reads them all.
 */
export function useProfileSamples(profileId: string): { samples: readonly Sample[] | undefined; refresh: (ids: readonly string[]) => void } {
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
        const present = new Set(ids);
        const added = ids.filter((id) => !current.byId.has(id));
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

  return { samples: shown?.list, refresh };
}
