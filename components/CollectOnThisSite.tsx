import { useState } from 'react';
import { allowCollectionOn, stopCollectionOn } from './site-access';
import { useSetting } from './use-setting';

/** Allows (or stops) collection on the site of the current tab, asking the browser's permission first. */
export function CollectOnThisSite({ site }: { site: string | null }) {
  const allowed = useSetting('allowedSites');
  const [problem, setProblem] = useState<string | null>(null);
  if (!site || !allowed) return null;
  const report = (result: { ok: true } | { ok: false; message: string }) => setProblem(result.ok ? null : result.message);

  return (
    <p>
      {allowed.includes(site) ? (
        <>
          Collecting what you send on {site}.{' '}
          <button type="button" onClick={() => void stopCollectionOn(site).then(report)}>
            Stop collecting on this site
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void allowCollectionOn(site).then(report)}>
          Collect on this site
        </button>
      )}
      {problem && <span role="alert"> {problem}</span>}
    </p>
  );
}
