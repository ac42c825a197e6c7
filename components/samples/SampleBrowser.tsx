import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Sample } from '@/lib/db/records';
import { optionsPath, sampleOfFragment } from '@/lib/options/sections';
import { describeSampleCounts } from '@/lib/samples/describe-sample-counts';
import { EVERY_SAMPLE, describeShown, samplesShownOfNewestFirst, sitesOf, type SampleTableQuery } from '@/lib/samples/sample-table';
import { usePerformanceMark } from '../use-performance-mark';
import { BulkActions } from './BulkActions';
import { SampleDetail } from './SampleDetail';
import { SampleFilters } from './SampleFilters';
import { SampleTable, type SampleTableHandle } from './SampleTable';
import { useProfileSamples } from './use-profile-samples';
import { useSampleActions } from './use-sample-actions';
import { useUnlikeSamples } from './use-unlike-samples';
import './samples.css';

/**
 * The samples of one profile as a table: find them, open one, select some and keep them out,
 * use them again, delete or move them; samples that look unlike the rest are flagged.
 */
export const SampleBrowser = memo(function SampleBrowser({ profileId }: { profileId: string }) {
  const { samples, lookup, membership, refresh } = useProfileSamples(profileId);
  const flagged = useUnlikeSamples(samples);
  const actions = useSampleActions(profileId, refresh);
  const [query, setQuery] = useState<SampleTableQuery>(EVERY_SAMPLE);
  // Typing stays quick: the table follows the search a moment later when 10,000 rows are filtered.
  const shownQuery = useDeferredValue(query);
  const shown = useMemo(() => (samples ? samplesShownOfNewestFirst(samples, shownQuery, flagged) : []), [samples, shownQuery, flagged]);
  // A sample's site never changes, so the sites follow which samples there are, not every edit.
  const sites = useMemo(() => (samples ? sitesOf(samples) : []), [membership]);
  const keptOut = useMemo(() => samples?.reduce((count, sample) => count + (sample.excluded ? 1 : 0), 0) ?? 0, [samples]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [linkedMissing, setLinkedMissing] = useState(false);
  const table = useRef<SampleTableHandle>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  usePerformanceMark('idiolect:samples-shown', samples !== undefined);

  const opened = (openId && lookup.get(openId)) || null;
  const selectedIds = useMemo(() => [...selected].filter((id) => lookup.has(id)), [selected, lookup]);
  // Unfiltered, every selected sample is shown; only a narrowed list is counted row by row.
  const selectedShown = useMemo(() => (shown === samples ? selectedIds.length : shown.reduce((count, sample) => count + (selected.has(sample.id) ? 1 : 0), 0)), [shown, samples, selected, selectedIds]);

  const select = useCallback((sampleIds: readonly string[], checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of sampleIds) checked ? next.add(id) : next.delete(id);
      return next;
    });
  }, []);

  // "options.html#samples?sample=<id>": show every sample, bring that one into view and open it.
  const loaded = samples !== undefined;
  const bySampleRef = useRef(lookup);
  bySampleRef.current = lookup;
  useEffect(() => {
    if (!loaded) return;
    const openLinked = () => {
      const id = sampleOfFragment(location.hash);
      if (!id) return;
      setLinkedMissing(!bySampleRef.current.has(id));
      if (!bySampleRef.current.has(id)) return;
      setQuery(EVERY_SAMPLE);
      setScrollTo(id);
      setOpenId(id);
    };
    openLinked();
    addEventListener('hashchange', openLinked);
    return () => removeEventListener('hashchange', openLinked);
  }, [loaded]);
  useEffect(() => {
    if (scrollTo && table.current?.scrollToSample(scrollTo)) setScrollTo(null);
  }, [scrollTo, shown]);

  const open = useCallback((sample: Sample) => setOpenId(sample.id), []);
  const close = useCallback(() => {
    setOpenId(null);
    // The link has done its work; opening it again (Back, a second click) opens the sample again.
    if (sampleOfFragment(location.hash)) history.replaceState(null, '', optionsPath('samples'));
  }, []);

  if (!samples) return <p className="muted">Reading your samples…</p>;
  return (
    <div className="stack sample-browser">
      <div className="spread">
        <h3>Your samples</h3>
        <p className="meta">
          {describeSampleCounts(samples.length, keptOut)}
          {flagged.size > 0 && ` · ${flagged.size} look unlike the rest`}
        </p>
      </div>
      {linkedMissing && <p className="notice warning">The linked sample is no longer stored.</p>}
      <SampleFilters query={query} onChange={setQuery} sites={sites} flaggedCount={flagged.size} />
      <div className="spread sample-table-bar">
        <p role="status" className="sample-shown">
          {describeShown(shown.length, samples.length)}
        </p>
        <BulkActions profileId={profileId} selectedIds={selectedIds} actions={actions} onDone={() => setSelected(new Set())} />
      </div>
      {samples.length === 0 ? (
        <p className="muted">No samples yet. Texts you send on allowed sites, and texts you add below, appear here.</p>
      ) : (
        <SampleTable ref={table} samples={shown} flagged={flagged} selected={selected} selectedShown={selectedShown} onSelect={select} openId={openId} onOpen={open} />
      )}
      {shown.length === 0 && samples.length > 0 && <p className="muted">No sample matches. Clear the filters to see them all.</p>}
      <SampleDetail sample={opened} flagged={flagged} actions={actions} onClose={close} />
    </div>
  );
});
