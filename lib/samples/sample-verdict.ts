import { z } from 'zod';

/**
 * What happened to one offered text, with words the UI can show as they are (`message`). A
 * refusal also has `label`, a few words to count refusals by in a summary ("too short").
 */
export const sampleVerdictSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('stored'),
    message: z.string(),
    /** Kept, but short: it teaches greetings, sign-offs and brevity more than sentence shape. */
    short: z.boolean(),
    /** Usable samples of the profile now, and how many a first profile needs. */
    learning: z.object({ usable: z.number().int().nonnegative(), needed: z.number().int().positive() }),
  }),
  z.object({ status: z.literal('duplicate'), message: z.string() }),
  z.object({ status: z.literal('ignored'), reason: z.string(), label: z.string(), message: z.string() }),
  /** The text was fine but could not be stored (the browser's storage is full); nothing else changed. */
  z.object({ status: z.literal('failed'), reason: z.string(), message: z.string() }),
]);
export type SampleVerdict = z.infer<typeof sampleVerdictSchema>;

export function storedVerdict(short: boolean, usable: number, needed: number): SampleVerdict {
  const progress = usable < needed ? ` (${usable} of ${needed})` : '';
  return { status: 'stored', message: `Kept for learning${progress}.`, short, learning: { usable, needed } };
}

export const DUPLICATE_VERDICT: SampleVerdict = { status: 'duplicate', message: 'Not kept: already have it.' };

/** `reason` is a sentence ("Collection is paused."); `label` the few words it is counted by. */
export function ignoredVerdict(reason: string, label: string): SampleVerdict {
  return { status: 'ignored', reason, label, message: `Not kept: ${label}.` };
}

/** Pausing promises nothing is collected; the in-page notice for a text sent while paused uses these words too. */
export const PAUSED_VERDICT: SampleVerdict = ignoredVerdict('Collection is paused.', 'collection is paused');

export function failedVerdict(reason: string): SampleVerdict {
  return { status: 'failed', reason, message: `Not kept: ${reason}` };
}
