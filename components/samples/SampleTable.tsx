import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useEffect, useImperativeHandle, useRef, type ReactNode } from 'react';
import type { Sample } from '@/lib/db/records';
import { SAMPLE_STATUS_WORDS, previewOf, sampleStatus, type SampleStatus } from '@/lib/samples/sample-table';

const ROW_HEIGHT = 44;
const FIRST_RECT = { width: 800, height: 560 };
const STATUS_BADGE: Record<SampleStatus, string> = { used: 'badge success', 'kept-out': 'badge', flagged: 'badge warning' };
const COLUMNS = ['Text', 'Site', 'Kind', 'Date', 'Words', 'Status'] as const;

export interface SampleTableHandle {
  /** Scrolls the row of this sample into view; false when the table does not list it. */
  scrollToSample(sampleId: string): boolean;
}

interface Props {
  samples: readonly Sample[];
  flagged: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  /** How many of `samples` are selected. */
  selectedShown: number;
  onSelect(sampleIds: readonly string[], selected: boolean): void;
  openId: string | null;
  onOpen(sample: Sample): void;
}

/**
 * The samples as a table of rows, only the rows in view in the page (10,000 stay as quick as 10):
 * a checkbox per row to select it, the text's start to open it, then its site, kind, date, length
 * and status.
 */
export const SampleTable = forwardRef<SampleTableHandle, Props>(function SampleTable({ samples, flagged, selected, selectedShown, onSelect, openId, onOpen }, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  // The first render lays out a screenful of rows before the scroller is measured.
  const virtualizer = useVirtualizer({ count: samples.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10, initialRect: FIRST_RECT });
  useImperativeHandle(
    ref,
    () => ({
      scrollToSample(sampleId) {
        const index = samples.findIndex((sample) => sample.id === sampleId);
        if (index < 0) return false;
        virtualizer.scrollToIndex(index, { align: 'center' });
        return true;
      },
    }),
    [samples, virtualizer],
  );

  return (
    <div role="table" aria-label="Samples" aria-rowcount={samples.length + 1} className="sample-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="sample-row sample-head">
          <div role="columnheader">
            <SelectAllShown checked={samples.length > 0 && selectedShown === samples.length} mixed={selectedShown > 0 && selectedShown < samples.length} disabled={samples.length === 0} onChange={(checked) => onSelect(samples.map((sample) => sample.id), checked)} />
          </div>
          {COLUMNS.map((column) => (
            <div role="columnheader" key={column} className={column === 'Words' ? 'numeric' : undefined}>
              {column}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="sample-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const sample = samples[item.index]!;
            return (
              <SampleRowView
                key={sample.id}
                sample={sample}
                rowIndex={item.index + 2}
                top={item.start}
                status={sampleStatus(sample, flagged)}
                selected={selected.has(sample.id)}
                open={sample.id === openId}
                onSelect={onSelect}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});

function SelectAllShown({ checked, mixed, disabled, onChange }: { checked: boolean; mixed: boolean; disabled: boolean; onChange(checked: boolean): void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={box} type="checkbox" aria-label="Select all shown" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />;
}

function Cell({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="cell" className={className}>
      {children}
    </div>
  );
}

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** One row; re-rendered only when what it shows changes, so keeping one sample out re-renders one row. */
const SampleRowView = memo(function SampleRowView(props: {
  sample: Sample;
  rowIndex: number;
  top: number;
  status: SampleStatus;
  selected: boolean;
  open: boolean;
  onSelect(sampleIds: readonly string[], selected: boolean): void;
  onOpen(sample: Sample): void;
}) {
  const { sample, status } = props;
  const preview = previewOf(sample.text);
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex}
      aria-selected={props.selected}
      data-sample-id={sample.id}
      className={`sample-row${props.selected ? ' selected' : ''}${status === 'kept-out' ? ' kept-out' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <Cell>
        <input type="checkbox" aria-label={`Select: ${preview}`} checked={props.selected} onChange={(event) => props.onSelect([sample.id], event.target.checked)} />
      </Cell>
      <Cell className="sample-preview">
        <button type="button" className="quiet" aria-haspopup="dialog" aria-expanded={props.open} onClick={() => props.onOpen(sample)}>
          {preview}
        </button>
      </Cell>
      <Cell className="truncate">{sample.site || sample.source}</Cell>
      <Cell>{sample.kind}</Cell>
      <Cell>
        <time dateTime={sample.writtenAt}>{DATE.format(new Date(sample.writtenAt))}</time>
      </Cell>
      <Cell className="numeric">{sample.wordCount.toLocaleString('en-US')}</Cell>
      <Cell>
        <span className={STATUS_BADGE[status]}>{SAMPLE_STATUS_WORDS[status]}</span>
      </Cell>
    </div>
  );
});
