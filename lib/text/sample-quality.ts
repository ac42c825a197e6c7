import { contentHash } from './content-hash';
import { detectLanguage, type DetectedLanguage } from './detect-language';
import { redactPersonalData, type Redaction } from './redact';

/**
 * Fewer words than this say nothing about how someone writes. Most replies people send are short
 * ("Sounds good, see you at 3. Thanks!"), and their greetings, sign-offs and brevity are style.
 */
export const MIN_SAMPLE_WORDS = 4;
/** A usable text under this many words is a short one: learning groups such texts, exemplars match on it. */
export const SHORT_SAMPLE_WORDS = 20;
/** Share of lines that may be code, log output or quotation before a sample is mostly not prose. */
export const MAX_NON_PROSE_SHARE = 0.5;

export interface SampleQuality {
  usable: boolean;
  /** Why the sample is not usable, in words a person understands. Empty when usable. */
  reasons: string[];
  wordCount: number;
  /** Usable, but under SHORT_SAMPLE_WORDS words. */
  short: boolean;
}

export interface SampleCandidate {
  /** The text to store: redacted when asked. */
  text: string;
  quality: SampleQuality;
  language: DetectedLanguage;
  /** SHA-256 of the normalised (pre-redaction) text, for duplicate detection. */
  contentHash: string;
  redaction: Redaction['counts'] | null;
}

export function countWords(text: string): number {
  if (typeof Intl.Segmenter === 'function') {
    let count = 0;
    for (const segment of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
      if (segment.isWordLike) count++;
    }
    return count;
  }
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const CODE_LINE =
  /^\s*(?:[{}[\]();]+\s*$|(?:import|export|from|const|let|var|function|def|class|return|if|for|while|public|private|#include|package|using)\b.*[;:{(=]|.*(?:=>|===|!==|::|->)\s*|.*[;{]\s*$|<\/?[a-z][\w-]*(?:\s[^>]*)?>\s*$|\$ \S)/;
const LOG_LINE =
  /^\s*(?:\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\]?[\s:]|at \S+ \(.*:\d+:\d+\)|Traceback \(most recent call last\)|File ".*", line \d+)/;

function shareOf(lines: readonly string[], test: (line: string) => boolean): number {
  return lines.length === 0 ? 0 : lines.filter(test).length / lines.length;
}

/** Characters inside quotation marks (straight, curly or guillemets) as a share of all letters. */
function quotedShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 0;
  const quoted = (text.match(/"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|«[^»\n]{1,2000}»|„[^“\n]{1,2000}“/gu) ?? []).join('');
  return (quoted.match(/\p{L}/gu)?.length ?? 0) / letters;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function isShortText(wordCount: number): boolean {
  return wordCount < SHORT_SAMPLE_WORDS;
}

export function assessSampleQuality(text: string): SampleQuality {
  const wordCount = countWords(text);
  const reasons: string[] = [];
  if (wordCount < MIN_SAMPLE_WORDS) reasons.push(`too short: ${wordCount} words, need ${MIN_SAMPLE_WORDS}`);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let inFence = false;
  const codeShare = shareOf(lines, (line) => {
    const isFence = /^\s*(```|~~~)/.test(line);
    if (isFence) inFence = !inFence;
    return isFence || inFence || CODE_LINE.test(line.slice(0, 500));
  });
  if (codeShare > MAX_NON_PROSE_SHARE) reasons.push(`mostly code: ${percent(codeShare)} of lines look like code`);
  const logShare = shareOf(lines, (line) => LOG_LINE.test(line.slice(0, 500)));
  if (logShare > MAX_NON_PROSE_SHARE) reasons.push(`mostly log output: ${percent(logShare)} of lines look like logs`);
  const quoteLineShare = shareOf(lines, (line) => /^\s*>/.test(line));
  const quoteShare = Math.max(quoteLineShare, quotedShare(text));
  if (quoteShare > MAX_NON_PROSE_SHARE) reasons.push(`mostly quoted from someone else: ${percent(quoteShare)} is quotation`);
  return { usable: reasons.length === 0, reasons, wordCount, short: isShortText(wordCount) };
}

/** Quality verdict and metadata for a candidate writing sample; optionally redacts contact data. */
export async function describeSample(text: string, options: { redact?: boolean } = {}): Promise<SampleCandidate> {
  const redaction = options.redact ? redactPersonalData(text) : null;
  return {
    text: redaction ? redaction.text : text,
    quality: assessSampleQuality(text),
    language: detectLanguage(text),
    contentHash: await contentHash(text),
    redaction: redaction ? redaction.counts : null,
  };
}
