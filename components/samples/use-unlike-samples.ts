import { useEffect, useMemo, useRef, useState } from 'react';
import type { Sample } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';

/** Leave-one-out scoring grows with the profile; the most recent samples are what the person reviews. */
const MAX_SAMPLES_CHECKED_FOR_STYLE = 300;

/** The samples scored: the newest ones used for learning. */
function newestUsable(samples: readonly Sample[]): Sample[] {
  return samples
    .filter((sample) => !sample.excluded)
    .sort((a, b) => (a.storedAt < b.storedAt ? 1 : a.storedAt > b.storedAt ? -1 : 0))
    .slice(0, MAX_SAMPLES_CHECKED_FOR_STYLE);
}

/** Samples that look unlike the rest, scored by the background (which holds the style verifier), so the page stays light. */
export function useUnlikeSamples(samples: readonly Sample[] | undefined): ReadonlySet<string> {
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const candidates = useMemo(() => (samples ? newestUsable(samples) : []), [samples]);
  // Scores are asked for again when the set of samples scored changes, not on every new array of them.
  const key = candidates.map((sample) => sample.id).join('\n');
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
