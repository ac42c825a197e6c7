import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { openIdiolectDatabase } from '@/lib/db/database';
import type { Sample } from '@/lib/db/records';
import { sampleIdsOfProfile, samplesByIds, samplesOfProfile } from '@/lib/db/samples';

type Known = ReadonlyMap<string, Sample>;

/**
 * The profile's samples, read whole once, then kept current by watching only their ids: a sample
 * added or removed anywhere is fetched or dropped alone, and a change this page asked for is
 * fetched again by `refresh(ids)`. So a change to one sample of 10,000 never re-reads them all.
 */
export function useProfileSamples(profileId: string): { samples: readonly Sample[] | undefined; refresh: (ids: readonly string[]) => void } {
  const [known, setKnown] = useState<Known | undefined>();
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
    const subscription = liveQuery(() => sampleIdsOfProfile(db, profileId)).subscribe((ids) =>
      enqueue(async (current) => {
        if (!current) return new Map((await samplesOfProfile(db, profileId)).map((sample) => [sample.id, sample]));
        const present = new Set(ids);
        const added = ids.filter((id) => !current.has(id));
        const removed = [...current.keys()].filter((id) => !present.has(id));
        if (added.length === 0 && removed.length === 0) return null;
        const next = new Map(current);
        for (const id of removed) next.delete(id);
        for (const sample of await samplesByIds(db, added)) if (sample.profileId === profileId) next.set(sample.id, sample);
        return next;
      }),
    );
    return () => subscription.unsubscribe();
  }, [profileId, enqueue]);

  const refresh = useCallback(
    (ids: readonly string[]) =>
      enqueue(async (current) => {
        if (!current || ids.length === 0) return null;
        const next = new Map(current);
        for (const id of ids) next.delete(id);
        for (const sample of await samplesByIds(openIdiolectDatabase(), ids)) if (sample.profileId === profileId) next.set(sample.id, sample);
        return next;
      }),
    [enqueue, profileId],
  );

  const samples = useMemo(() => (known ? [...known.values()] : undefined), [known]);
  return { samples, refresh };
}
