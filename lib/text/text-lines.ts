/** Longest line we run header patterns on; longer lines are prose or data, never a quote header. */
export const MAX_PATTERN_LINE_LENGTH = 1000;

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function splitLines(text: string): string[] {
  return normalizeNewlines(text).split('\n');
}

/** Caps what a pattern sees so that even a pathological line costs bounded time. */
export function forMatching(line: string): string {
  return line.length > MAX_PATTERN_LINE_LENGTH ? line.slice(0, MAX_PATTERN_LINE_LENGTH) : line;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Trailing spaces per line and blank lines around the text are formatting, not style. */
export function tidyText(text: string): string {
  return normalizeNewlines(text)
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Lines inside ``` fences are code the user pasted; no quote or signature rule applies to them. */
export function fencedCodeMask(lines: readonly string[]): boolean[] {
  const mask: boolean[] = [];
  let inFence = false;
  for (const line of lines) {
    const isFence = /^\s*(```|~~~)/.test(forMatching(line));
    mask.push(inFence || isFence);
    if (isFence) inFence = !inFence;
  }
  return mask;
}
