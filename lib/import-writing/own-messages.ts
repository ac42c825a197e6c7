import { z } from 'zod';

const emailSchema = z.email();

export type OwnAddressesInput = { ok: true; addresses: string[] } | { ok: false; message: string };

/** Reads what the user typed in "Your email address(es)": separated by commas, semicolons or spaces. */
export function parseOwnAddresses(input: string): OwnAddressesInput {
  const entries = input.split(/[\s,;]+/).filter(Boolean);
  const invalid = entries.filter((entry) => !emailSchema.safeParse(entry).success);
  if (invalid.length > 0) return { ok: false, message: `Not an email address: ${invalid.join(', ')}` };
  return { ok: true, addresses: [...new Set(entries.map((entry) => entry.toLowerCase()))] };
}

/** The first address in a From:/To: header: `"Berg, Anna" <anna@example.com>` or `anna@example.com (Anna)`. */
export function firstAddressIn(header: string | undefined): string | null {
  if (!header) return null;
  const angled = /<\s*([^<>\s@]+@[^<>\s@]+)\s*>/.exec(header);
  const bare = angled ? null : /[^\s<>"(),;:@]+@[^\s<>"(),;:@]+/.exec(header);
  const address = angled?.[1] ?? bare?.[0];
  return address ? address.toLowerCase() : null;
}

export function domainOf(address: string | null): string | null {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1) : null;
}

/** `unknown`: neither a Gmail label nor the user's address can tell; the user must give their address. */
export type Ownership = 'own' | 'not-own' | 'unknown';

/**
 * Gmail Takeout marks what the user sent with the `Sent` label; other exports only have From:,
 * which is compared with the addresses the user gave.
 */
export function judgeOwnership(headers: ReadonlyMap<string, string>, ownAddresses: readonly string[]): Ownership {
  const from = firstAddressIn(headers.get('from'));
  if (from && ownAddresses.includes(from)) return 'own';
  const labels = headers.get('x-gmail-labels');
  if (labels !== undefined) {
    return labels.split(',').some((label) => label.trim().toLowerCase() === 'sent') ? 'own' : 'not-own';
  }
  return ownAddresses.length > 0 ? 'not-own' : 'unknown';
}
