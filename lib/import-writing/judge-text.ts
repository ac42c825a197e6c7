import type { TextKind } from '../db/records';
import { describeSample } from '../text';

/** A cleaned text ready to become a sample; only these small texts are held until the import is written. */
export interface ImportCandidate {
  text: string;
  kind: TextKind;
  source: 'import' | 'paste';
  site: string;
  /** When it was written, when the file says so; otherwise the time of import. */
  writtenAt: string | null;
  recipientDomain: string | null;
  language: string | null;
}

export type CandidateOrigin = Omit<ImportCandidate, 'text' | 'language'>;

export type JudgedText = { usable: true; candidate: ImportCandidate } | { usable: false; reason: string };

const NOTHING_OWN = 'nothing of your own left after removing quotes and signature';

/** Keeps the reason's kind ("too short"), not its numbers, so skipped texts can be counted per reason. */
function reasonKind(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}

/** The same quality bar and redaction as samples collected from pages. */
export async function judgeOwnText(ownText: string, origin: CandidateOrigin, redact: boolean): Promise<JudgedText> {
  const text = ownText.trim();
  if (text === '') return { usable: false, reason: NOTHING_OWN };
  const described = await describeSample(text, { redact });
  const [firstReason] = described.quality.reasons;
  if (firstReason !== undefined) return { usable: false, reason: reasonKind(firstReason) };
  const language = described.language === 'und' ? null : described.language;
  return { usable: true, candidate: { ...origin, text: described.text.trim(), language } };
}

/** What an import found, before anything is written. */
export class ImportTally {
  readonly candidates: ImportCandidate[] = [];
  readonly skipped: Record<string, number> = {};
  notOwn = 0;

  add(judged: JudgedText): void {
    if (judged.usable) this.candidates.push(judged.candidate);
    else this.skipped[judged.reason] = (this.skipped[judged.reason] ?? 0) + 1;
  }
}
