import { useId } from 'react';
import { EVERY_SAMPLE, SAMPLE_KINDS, SAMPLE_SORTS, isNarrowed, type SampleSort, type SampleTableQuery } from '@/lib/samples/sample-table';
import { SHORT_SAMPLE_WORDS } from '@/lib/text/sample-quality';

/** Search, filters and order of the samples table. */
export function SampleFilters({ query, onChange, sites, flaggedCount }: { query: SampleTableQuery; onChange(query: SampleTableQuery): void; sites: readonly string[]; flaggedCount: number }) {
  const id = useId();
  const set = <K extends keyof SampleTableQuery>(key: K, value: SampleTableQuery[K]) => onChange({ ...query, [key]: value });
  return (
    <div className="sample-filters" role="search" aria-label="Find samples">
      <div className="field sample-search">
        <label htmlFor={`${id}-search`}>Search samples</label>
        <input id={`${id}-search`} type="search" value={query.search} onChange={(event) => set('search', event.target.value)} placeholder="Words in the text or the site" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-site`}>Site</label>
        <select id={`${id}-site`} value={query.site} onChange={(event) => set('site', event.target.value)}>
          <option value="">All sites</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site || '(no site)'}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={query.kind} onChange={(event) => set('kind', event.target.value as SampleTableQuery['kind'])}>
          <option value="">All kinds</option>
          {SAMPLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Written from</label>
        <input id={`${id}-from`} type="date" value={query.from} max={query.to || undefined} onChange={(event) => set('from', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Written until</label>
        <input id={`${id}-to`} type="date" value={query.to} min={query.from || undefined} onChange={(event) => set('to', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={query.sort} onChange={(event) => set('sort', event.target.value as SampleSort)}>
          {Object.entries(SAMPLE_SORTS).map(([sort, words]) => (
            <option key={sort} value={sort}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <div className="sample-toggles">
        <label className="switch">
          <input type="checkbox" checked={query.onlyShort} onChange={(event) => set('onlyShort', event.target.checked)} /> Only short texts (under {SHORT_SAMPLE_WORDS} words)
        </label>
        <label className="switch">
          <input type="checkbox" checked={query.onlyFlagged} onChange={(event) => set('onlyFlagged', event.target.checked)} /> Only ones flagged as unlike you
          {flaggedCount > 0 && <span className="badge warning">{flaggedCount}</span>}
        </label>
        {isNarrowed(query) && (
          <button type="button" className="small quiet" onClick={() => onChange({ ...EVERY_SAMPLE, sort: query.sort })}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
