import { emailOffer, readEmailHeaders } from './email-text';
import { ImportWritingError } from './errors';
import { readMboxMessages } from './mbox-reader';
import { judgeOwnership } from './own-messages';
import type { ReadWritingTally } from './read-writing-result';

export interface MboxCollectOptions {
  ownAddresses: readonly string[];
  signal?: AbortSignal;
  onMessageRead(bytesRead: number, messagesRead: number): void;
}

const NEED_ADDRESS =
  'This mbox is not a Gmail Takeout export, so Idiolect cannot tell which messages you sent. Enter your email address(es) and import again.';

function noOwnMessages(messages: number, ownAddresses: readonly string[]): string {
  const read = `None of the ${messages} messages in this mbox was sent by you`;
  if (ownAddresses.length > 0) return `${read}: none is from ${ownAddresses.join(' or ')} or labelled Sent by Gmail. Check the address(es) you entered.`;
  return `${read}: none is labelled Sent by Gmail. Export your Sent mail, or enter the address(es) you send from.`;
}

/** Keeps only the user's own messages of an mbox, each its own part; throws when none is theirs. */
export async function collectFromMbox(stream: ReadableStream<Uint8Array>, tally: ReadWritingTally, options: MboxCollectOptions): Promise<void> {
  let messages = 0;
  let own = 0;
  for await (const { raw, bytesRead } of readMboxMessages(stream, options.signal)) {
    messages++;
    const headers = readEmailHeaders(raw);
    const ownership = judgeOwnership(headers, options.ownAddresses);
    if (ownership === 'unknown') throw new ImportWritingError(NEED_ADDRESS);
    if (ownership === 'own') {
      own++;
      tally.offers.push(emailOffer(raw, headers));
    } else {
      tally.notOwn++;
    }
    options.onMessageRead(bytesRead, messages);
  }
  if (messages === 0) throw new ImportWritingError('This mbox file holds no messages.');
  if (own === 0) throw new ImportWritingError(noOwnMessages(messages, options.ownAddresses));
}
