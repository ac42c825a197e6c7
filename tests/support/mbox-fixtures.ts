import type { ImportFile } from '../../lib/import-writing/read-file';

/** Test fixtures: small, realistic mail exports written by hand. */

const lines = (...parts: string[]) => parts.join('\n');

export const REPLY_OWN_TEXT =
  'Hi Tom,\n\nThanks for sending the draft over so quickly. I read it on the train this morning and I think the second section needs a clearer example, maybe the one about the café opening hours we discussed last week.\n\nBest,\nAnna';

const takeoutReply = lines(
  'From 1792837465123456789@xxx Tue Mar 12 10:04:06 +0000 2024',
  'X-GM-THRID: 1792837465123456789',
  'X-Gmail-Labels: Sent,Opened',
  'From: Anna Berg <anna.berg@example.org>',
  'To: Tom Becker <tom@partner.example>',
  'Date: Tue, 12 Mar 2024 11:04:06 +0100',
  'Subject: Re: Newsletter draft',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi Tom,',
  '',
  'Thanks for sending the draft over so quickly. I read it on the train this m=',
  'orning and I think the second section needs a clearer example, maybe the one=',
  ' about the caf=C3=A9 opening hours we discussed last week.',
  '',
  'Best,',
  'Anna',
  '',
  '--=20',
  'Anna Berg | Product Lead',
  '+49 30 1234567',
  '',
  'On Tue, Mar 12, 2024 at 9:15 AM Tom Becker <tom@partner.example> wrote:',
  '> Hi Anna,',
  '> here is the draft for the spring newsletter, let me know what you think.',
  '> Tom',
  '',
);

const takeoutInbox = lines(
  'From 1792837465123456790@xxx Tue Mar 12 08:15:00 +0000 2024',
  'X-Gmail-Labels: Inbox,Category Personal',
  'From: Tom Becker <tom@partner.example>',
  'To: Anna Berg <anna.berg@example.org>',
  'Date: Tue, 12 Mar 2024 09:15:00 +0100',
  'Subject: Newsletter draft',
  '',
  'Hi Anna, here is the draft for the spring newsletter. It is longer than last time because we had so much news to share with everyone. Tom',
  '',
);

export const ESCAPED_OWN_TEXT_START = 'I went through the old notes again tonight.';

const takeoutWithFromLines = lines(
  'From 1792837465123456791@xxx Wed Mar 13 19:30:00 +0000 2024',
  'X-Gmail-Labels: Archived,Sent',
  'From: "Berg, Anna" <anna.berg@example.org>',
  'To: team@example.org',
  'Date: Wed, 13 Mar 2024 20:30:00 +0100',
  'Subject: Notes',
  '',
  'I went through the old notes again tonight.',
  '>From the start we said the launch would be small, and I still think that was right.',
  '>>From a quote I kept: small and steady wins.',
  'Let us keep the plan simple and talk about it together on Monday morning.',
  '',
);

const takeoutShortSent = lines(
  'From 1792837465123456792@xxx Thu Mar 14 07:00:00 +0000 2024',
  'X-Gmail-Labels: Sent',
  'From: Anna Berg <anna.berg@example.org>',
  'To: Tom Becker <tom@partner.example>',
  'Date: Thu, 14 Mar 2024 08:00:00 +0100',
  'Subject: Re: Lunch',
  '',
  'Thanks!',
  '',
);

/** Gmail Takeout: two own messages worth keeping, one too short, one received. */
export const TAKEOUT_MBOX = [takeoutReply, takeoutInbox, takeoutWithFromLines, takeoutShortSent].join('');

export const PLAIN_OWN_TEXT =
  'Dear neighbours, the garden meeting moves to Thursday at seven because the hall is booked on Wednesday. Please bring your own cups and a chair if you can.';

/** A Thunderbird-style mbox: no Gmail labels, so only From: tells who wrote what. */
export const PLAIN_MBOX = lines(
  'From - Mon Apr 01 18:00:00 2024',
  'From: Anna Berg <Anna.Berg@example.org>',
  'To: neighbours@garden.example',
  'Date: Mon, 01 Apr 2024 20:00:00 +0200',
  'Subject: Garden meeting',
  '',
  PLAIN_OWN_TEXT,
  '',
  'From - Tue Apr 02 09:00:00 2024',
  'From: Karl <karl@garden.example>',
  'To: neighbours@garden.example',
  'Date: Tue, 02 Apr 2024 11:00:00 +0200',
  'Subject: Re: Garden meeting',
  '',
  'Thursday works for me and I will bring two extra chairs for whoever needs one, see you all there then.',
  '',
);

/** Feeds bytes in chunks of `chunkSize`, as a browser reads a large file. */
export function streamOf(bytes: Uint8Array, chunkSize = bytes.length || 1, onCancel?: () => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
    cancel: onCancel,
  });
}

export function fileOf(name: string, content: string | Uint8Array, options: { chunkSize?: number; lastModified?: number } = {}): ImportFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    lastModified: options.lastModified ?? Date.UTC(2024, 0, 15),
    stream: () => streamOf(bytes, options.chunkSize),
    arrayBuffer: async () => bytes.slice().buffer,
  };
}
