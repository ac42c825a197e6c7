import { z } from 'zod';
import { extractOwnText, parseEmailMessage } from '../text';
import type { SampleOffer } from '../samples/sample-offer';
import { domainOf, firstAddressIn } from './own-messages';

const LF = 0x0a;
const CR = 0x0d;

/** The header section ends at the first empty line. */
function headerSectionOf(raw: Uint8Array): Uint8Array {
  for (let i = raw.indexOf(LF); i !== -1; i = raw.indexOf(LF, i + 1)) {
    const next = raw[i + 1] === CR ? i + 2 : i + 1;
    if (raw[next] === LF) return raw.subarray(0, i + 1);
  }
  return raw;
}

/** Headers only, so messages that are not the user's are judged without decoding their bodies. */
export function readEmailHeaders(raw: Uint8Array): ReadonlyMap<string, string> {
  return parseEmailMessage(headerSectionOf(raw)).headers;
}

const isoDateTime = z.iso.datetime();

function writtenAtOf(dateHeader: string | undefined): string | null {
  const time = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return isoDateTime.safeParse(iso).success ? iso : null;
}

/** An email's own text (quoted history and signature removed, using its MIME parts), with when and to whom. */
export function emailOffer(raw: Uint8Array, headers: ReadonlyMap<string, string>): SampleOffer {
  return {
    text: extractOwnText({ kind: 'eml', content: raw }).text,
    kind: 'email',
    writtenAt: writtenAtOf(headers.get('date')),
    recipientDomain: domainOf(firstAddressIn(headers.get('to'))),
  };
}
