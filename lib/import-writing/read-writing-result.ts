import { z } from 'zod';
import { sampleOfferSchema, type SampleOffer } from '../samples/sample-offer';

/** Far more sent messages than a person's mail export holds; bounds what the background is handed. */
export const MAX_IMPORTED_TEXTS = 100_000;

/**
 * What reading the chosen files found: the texts that are the person's own, as written (their
 * messages' own part), for the background to judge and keep, and how many messages were someone
 * else's. Nothing is stored while files are read.
 */
export const readWritingSchema = z.object({
  offers: z.array(sampleOfferSchema).max(MAX_IMPORTED_TEXTS),
  notOwn: z.number().int().nonnegative(),
});
export type ReadWriting = z.input<typeof readWritingSchema>;

/** Collects what the files hold, file by file. */
export class ReadWritingTally {
  readonly offers: SampleOffer[] = [];
  notOwn = 0;

  result(): ReadWriting {
    return { offers: this.offers, notOwn: this.notOwn };
  }
}
