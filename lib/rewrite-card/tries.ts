import type { Adjustment } from '../hyperalign/rewrite-choices';
import type { TryGuide, TryVerdict } from './card-feedback';

/** One rewrite the card asked for: the plain one, Try again, or an adjustment (Shorter, Warmer, …). */
export interface Try extends TryVerdict {
  /** Its own id, which the person's feedback on it is kept under. */
  id: string;
  adjustment: Adjustment | null;
  text: string;
  state: 'writing' | 'ready' | 'failed';
  /** Why it failed, in words for the person. */
  error?: string;
  /** The voice and hypotheses it was written from, once it is done. */
  guide?: TryGuide;
}

/** What the card says a try is, next to its number. */
export const ADJUSTMENT_NAMES: Record<Adjustment, string> = {
  shorter: 'Shorter',
  longer: 'Longer',
  'more-like-me': 'More like me',
  warmer: 'Warmer',
  'more-direct': 'More direct',
};

/**
 * A random id made in the page. Not crypto.randomUUID: the card runs on plain-http pages too, and
 * those are not secure contexts, where randomUUID does not exist.
 */
function newTryId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Every try the person asked for on one draft, oldest first, and the one shown. A new try is
 * shown at once; the earlier ones stay, to step back to.
 */
export class Tries {
  readonly all: Try[] = [];
  shown = -1;

  add(adjustment: Adjustment | null): Try {
    const fresh: Try = { id: newTryId(), adjustment, text: '', state: 'writing', verdict: null, note: '' };
    this.all.push(fresh);
    this.shown = this.all.length - 1;
    return fresh;
  }

  current(): Try | undefined {
    return this.all[this.shown];
  }

  /** Shows the try `by` places away (−1 the one before), staying within the first and the last. */
  step(by: number): void {
    this.shown = Math.min(this.all.length - 1, Math.max(0, this.shown + by));
  }

  canStep(by: number): boolean {
    const next = this.shown + by;
    return next >= 0 && next < this.all.length;
  }

  /** "Try 2 of 3 · Warmer": which try is shown, and what it was asked to be. */
  label(): string {
    const shown = this.current();
    if (!shown) return '';
    const place = `Try ${this.shown + 1} of ${this.all.length}`;
    return shown.adjustment ? `${place} · ${ADJUSTMENT_NAMES[shown.adjustment]}` : place;
  }
}
