import { z } from 'zod';
import { textKindSchema } from '../db/records';
import type { SampleSubmission } from '../messaging';

/** Far beyond any email or post; a page cannot make the background hash and store megabytes. */
export const MAX_SUBMITTED_CHARS = 100_000;

export const sampleSubmissionSchema = z.object({
  text: z.string().max(MAX_SUBMITTED_CHARS),
  kind: textKindSchema,
  recipientDomain: z.string().max(253).nullable(),
});

/** What a content script sent, checked: it runs beside pages the extension does not control. */
export function parseSampleSubmission(data: unknown): SampleSubmission | null {
  const parsed = sampleSubmissionSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * Settings, sites, wipes and inference are only ever asked for by the extension's own pages
 * (popup, options); a message from a content script asking for them is refused.
 */
export function isFromExtensionPage(senderUrl: string | undefined, extensionOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    // `origin` is "null" for extension schemes in some runtimes; compare scheme and host instead.
    const sender = new URL(senderUrl);
    const extension = new URL(extensionOrigin);
    return sender.protocol === extension.protocol && sender.host === extension.host && sender.host !== '';
  } catch {
    return false;
  }
}
