import { prepareSample, type PreparedSample } from '../db/sample-writes';
import { contentHash, describeSample, extractOwnText } from '../text';
import type { SampleOffer } from './sample-offer';
import type { SourcePolicy } from './source-policy';
import { ignoredVerdict, type SampleVerdict } from './sample-verdict';

/** What judging a text needs to know beyond the text: the person's settings at that moment. */
export interface AdmissionContext {
  redact: boolean;
  /** Duplicate hashes of the rewrites Idiolect produced lately. */
  ownRewriteHashes: ReadonlySet<string>;
}

export type Judgement = { accepted: true; sample: PreparedSample; short: boolean } | { accepted: false; verdict: SampleVerdict };

const NOTHING_OWN = ignoredVerdict('Nothing of your own was left after removing quotes and signature.', 'nothing of your own left after removing quotes and signature');
const OWN_REWRITE = ignoredVerdict('This is a rewrite Idiolect wrote; it is not used to learn your voice.', 'written by Idiolect');

function sentenceCase(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Keeps the reason's kind ("too short"), not its numbers, so refusals can be counted per reason. */
function labelOf(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}

/**
 * Whether the text is a rewrite Idiolect produced: as it was written, or with the person's
 * signature and the quoted thread around it, whatever the source's cleaning policy.
 */
async function isOwnRewrite(raw: string, cleanedHash: string, ownRewriteHashes: ReadonlySet<string>): Promise<boolean> {
  if (ownRewriteHashes.size === 0) return false;
  if (ownRewriteHashes.has(cleanedHash) || ownRewriteHashes.has(await contentHash(raw))) return true;
  return ownRewriteHashes.has(await contentHash(extractOwnText({ kind: 'plain', content: raw }).text));
}

/**
 * The checks every text goes through, whatever its source: cleaning (as the source's policy
 * says), quality, "not our own rewrite", and redaction when asked. De-duplication needs the
 * store, so it happens when the sample is written.
 */
export async function judgeOffer(offer: SampleOffer, site: string, source: PreparedSample['source'], policy: SourcePolicy, context: AdmissionContext): Promise<Judgement> {
  const raw = offer.text.trim();
  const own = policy.stripsQuotesAndSignatures ? extractOwnText({ kind: 'plain', content: raw }).text.trim() : raw;
  if (own === '') return { accepted: false, verdict: NOTHING_OWN };
  const described = await describeSample(own, { redact: context.redact });
  const [firstReason] = described.quality.reasons;
  if (firstReason !== undefined) {
    return { accepted: false, verdict: ignoredVerdict(sentenceCase(described.quality.reasons.join('; ')), labelOf(firstReason)) };
  }
  if (await isOwnRewrite(raw, described.contentHash, context.ownRewriteHashes)) return { accepted: false, verdict: OWN_REWRITE };
  const sample = await prepareSample({
    text: described.text,
    site,
    kind: offer.kind,
    source,
    language: described.language === 'und' ? null : described.language,
    recipientDomain: offer.recipientDomain ?? null,
    writtenAt: offer.writtenAt ?? null,
  });
  return { accepted: true, short: described.quality.short, sample };
}
