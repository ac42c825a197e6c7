import { z } from 'zod';
import { textKindSchema } from '../db/records';

/** Far beyond any email or post; a page cannot make the background hash and store megabytes. */
export const MAX_OFFERED_CHARS = 100_000;

/** Where a text comes from; each has its own admission policy (see source-policy.ts). */
export const admissionSourceSchema = z.enum(['harvest', 'selection', 'paste', 'import', 'profile-import']);
export type AdmissionSource = z.infer<typeof admissionSourceSchema>;

/** A text someone wants kept as a writing sample, before it is cleaned and judged. */
export const sampleOfferSchema = z.object({
  text: z.string().max(MAX_OFFERED_CHARS),
  kind: textKindSchema,
  recipientDomain: z.string().max(253).nullable().default(null),
  /** When it was written, when known (an email's Date header, a file's date); otherwise now. */
  writtenAt: z.iso.datetime().nullable().default(null),
});
export type SampleOffer = z.input<typeof sampleOfferSchema>;
