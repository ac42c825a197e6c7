import { useEffect, useMemo, useRef, useState } from 'react';
import type { Sample } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';

/** Leave-one-out scoring grows with the profile; the most recent samples are what the person reviews. */
const MAX_SAMPLES_CHECKED_FOR_STYLE = 300;

/**
 * Samples that look unlike the rest, scored by the background (which holds the style verifier), so
 * the page stays light. `samples` come newest first; the newest are scored, those used for learning.
 * They are scored again when the newest samples change (added, deleted), not when one is kept out:
 * a kept-out sample shows as kept out whatever its score.
 */
export function useUnlikeSamples(samples: readonly Sample[] | undefined): ReadonlySet<string> {
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const newest = useMemo(() => samples?.slice(0, MAX_SAMPLES_CHECKED_FOR_STYLE) ?? [], [samples]);
  const key = newest.map((sample) => sample.id).join('\n');
  const candidates = newest.filter((sample) => !sample.excluded);
  const latest = useRef(candidates);
  latest.current = candidates;
  useEffect(() => {
    const candidates = latest.current;
    if (candidates.length === 0) return;
    let current = true;
    sendMessage('findUnlikeSamples', candidates.map(({ id, text }) => ({ id, text }))).then(
      (unlike) => current && setFlagged(new Set(unlike.map(({ id }) => id))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key]);
  return flagged;
}
