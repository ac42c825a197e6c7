import { startsHeaderBlock } from './header-block';
import { findAttributionHeaders, isHistorySeparator, isRuleLine, type HeaderRange } from './quote-headers';
import { fencedCodeMask, forMatching, isBlank, splitLines, tidyText } from './text-lines';

export interface QuoteStripResult {
  text: string;
  /** Removed passages in reading order: quoted lines, attribution headers, cut-off history. */
  quoted: string[];
}

/** "> text", "» text"; but not decorative arrows such as ">>> www.example.com <<<". */
function isQuotedLine(line: string): boolean {
  const text = forMatching(line);
  return /^\s*[>»|]/.test(text) && !/^\s*>[^<]*<{2,}\s*$/.test(text) && !/^\s*\|.*\|\s*$/.test(text);
}

/** Clients that re-wrap quoted text leave pieces without the ">" between quoted lines. */
function isLazyQuoteContinuation(lines: readonly string[], index: number): boolean {
  return (
    !isBlank(lines[index] ?? '') && isQuotedLine(lines[index - 1] ?? '') && isQuotedLine(lines[index + 1] ?? '')
  );
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i] ?? '')) i++;
  return i;
}

/** "-------- Some banner --------" in any language. */
function isDashedBanner(line: string): boolean {
  return /^\s*-{3,}\s?[^-\n]{1,40}\s?-{3,}\s*$/.test(forMatching(line));
}

/** Blank lines and a rule line ("____", "-----") right above a history block belong to it. */
function takeTrailingRule(kept: string[]): string[] {
  let end = kept.length;
  while (end > 0 && isBlank(kept[end - 1] ?? '')) end--;
  const last = kept[end - 1] ?? '';
  if (end > 0 && (isRuleLine(last, 5) || isDashedBanner(last))) end--;
  else end = kept.length;
  return kept.splice(end);
}

function isHistoryStart(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  return isHistorySeparator(line) || startsHeaderBlock(lines, index);
}

/**
 * Removes quoted history from a plain-text reply. Top-posted history (an attribution or a header
 * block followed by unquoted text) is cut off entirely; `>`-quoted passages are dropped line by
 * line so that interleaved and bottom-posted own paragraphs survive.
 */
export function stripQuotedReply(input: string): QuoteStripResult {
  const lines = splitLines(input);
  const code = fencedCodeMask(lines);
  const headers = new Map<number, HeaderRange>();
  for (const range of findAttributionHeaders(lines, code)) headers.set(range.start, range);

  const kept: string[] = [];
  const quoted: string[] = [];
  let dropped: string[] = [];
  const flushDropped = (): void => {
    if (dropped.some((l) => !isBlank(l))) quoted.push(dropped.join('\n'));
    dropped = [];
  };

  let i = 0;
  let swallowBlanks = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (code[i]) {
      flushDropped();
      kept.push(line);
      swallowBlanks = false;
      i++;
      continue;
    }
    const header = headers.get(i);
    if (header && !isQuotedLine(line)) {
      if (header.keptPrefix) kept.push(header.keptPrefix);
      const after = nextNonBlank(lines, header.end + 1);
      if (after < lines.length && isQuotedLine(lines[after] ?? '')) {
        dropped.push(...lines.slice(i, after));
        i = after;
        continue;
      }
      dropped.push(...takeTrailingRule(kept), ...lines.slice(i));
      break;
    }
    if (isHistoryStart(lines, i)) {
      dropped.push(...takeTrailingRule(kept), ...lines.slice(i));
      break;
    }
    if (isQuotedLine(line) || isLazyQuoteContinuation(lines, i)) {
      dropped.push(line);
      swallowBlanks = true;
    } else if (swallowBlanks && isBlank(line)) {
      dropped.push(line);
    } else {
      flushDropped();
      kept.push(line);
      swallowBlanks = false;
    }
    i++;
  }
  flushDropped();
  return { text: tidyText(kept.join('\n')), quoted };
}
