import { describe, expect, it } from 'vitest';
import { extractOwnText } from './extract-own-text';

const plain = (content: string) => extractOwnText({ kind: 'plain', content });

describe('extractOwnText on plain-text replies', () => {
  it('keeps the new Gmail reply with greeting and sign-off, drops the thread and the signature', () => {
    const reply = [
      'Hi Marco,',
      '',
      'Friday works for me. I will bring the printed contracts.',
      '',
      'Thanks,',
      'Anna',
      '',
      '-- ',
      'Anna Keller | Head of Operations',
      '+49 30 1234567',
      '',
      'On Tue, Mar 4, 2025 at 9:12 AM Marco Rossi <marco@example.com> wrote:',
      '> Hi Anna,',
      '> can we meet on Friday?',
      '>',
      '> On Mon, Mar 3, 2025 at 5:00 PM Anna Keller <anna@example.com> wrote:',
      '>> Let me know when you are free.',
    ].join('\n');
    const result = plain(reply);
    expect(result.text).toBe('Hi Marco,\n\nFriday works for me. I will bring the printed contracts.\n\nThanks,\nAnna');
    expect(result.removed.signatures.join('\n')).toContain('Head of Operations');
    expect(result.removed.quoted.join('\n')).toContain('can we meet on Friday?');
  });

  it('recognises a Gmail attribution wrapped over two lines', () => {
    const reply = 'Sounds good, see you then.\n\nOn Wed, Jan 8, 2025 at 3:41 PM Jonathan Alexander Smith\n<jonathan.smith@example.org> wrote:\n\n> Lunch at noon?';
    expect(plain(reply).text).toBe('Sounds good, see you then.');
  });

  it('cuts an Outlook header block and its underscore separator', () => {
    const reply = [
      'Approved, go ahead.',
      '',
      'Best, Tom',
      '',
      '________________________________',
      'From: Laura Chen <laura@example.com>',
      'Sent: Monday, February 3, 2025 10:15 AM',
      'To: Tom Baker <tom@example.com>',
      'Subject: Budget request',
      '',
      'Could you approve the budget?',
    ].join('\n');
    expect(plain(reply).text).toBe('Approved, go ahead.\n\nBest, Tom');
  });

  it('handles a German "Am … schrieb …:" attribution and a German mobile tagline', () => {
    const reply = 'Passt, bis morgen!\n\nViele Grüße\nJonas\n\nVon meinem iPhone gesendet\n\nAm 12.03.2025 um 18:04 schrieb Petra Schmidt <petra@example.de>:\n\n> Treffen wir uns um 9?';
    expect(plain(reply).text).toBe('Passt, bis morgen!\n\nViele Grüße\nJonas');
  });

  it('drops a forwarded block below a short note', () => {
    const reply = 'FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Support <support@example.com>\nDate: Thu, Feb 6, 2025 at 11:00 AM\nSubject: Ticket closed\nTo: me@example.com\n\nYour ticket was closed.';
    expect(plain(reply).text).toBe('FYI, see below.');
    expect(plain('Look at this:\n\nBegin forwarded message:\n\nFrom: A <a@b.c>\nSubject: x\n\nbody').text).toBe('Look at this:');
  });

  it('keeps own paragraphs of an inline reply and drops the quoted ones', () => {
    const reply = [
      'On Dec 15, 2024, at 2:00 PM, Jane Doe <jane@example.com> wrote:',
      '> Is option A ready?',
      '',
      'Yes, it shipped yesterday.',
      '',
      '> And option B?',
      '',
      'Next week.',
    ].join('\n');
    expect(plain(reply).text).toBe('Yes, it shipped yesterday.\n\nNext week.');
  });

  it('does not take own sentences starting with "On" or mentioning "From:" for headers', () => {
    const text = 'On the whole I agree.\n\nThe data comes From: our database, not From: external sources.\n\nOn Monday we ship.';
    expect(plain(text).text).toBe(text);
    const memo = 'From: the team\nTo: everyone\n\nWe shipped it, thank you all!';
    expect(plain(memo).text).toBe(memo);
  });

  it('leaves signature-like lines inside code fences alone', () => {
    const text = 'Here is the snippet:\n\n```\nconst sig = "--";\n--\nSent from my iPhone\n```\n\nDoes that look right?';
    expect(plain(text).text).toBe(text);
  });

  it('stays fast on pathological input', () => {
    const evil = `${'On '.repeat(20_000)}\n${'>'.repeat(50_000)}\n${'a@'.repeat(30_000)}\n${'1 '.repeat(30_000)}wrote:`;
    const started = performance.now();
    plain(evil);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('extractOwnText on HTML', () => {
  it('drops the gmail_quote container and the Gmail signature but keeps the reply lines', () => {
    const html =
      '<div dir="ltr"><div>Hi Sam,</div><div><br></div><div>Thanks &amp; see you on Monday.</div><div><br></div><div>Cheers,</div><div>Lee</div>' +
      '<div><br></div><span class="gmail_signature_prefix">-- </span><div class="gmail_signature">Lee Park<br>Acme Inc.</div></div>' +
      '<br><div class="gmail_quote"><div class="gmail_attr">On Fri, Jan 10, 2025 at 4:00 PM Sam &lt;sam@example.com&gt; wrote:<br></div>' +
      '<blockquote class="gmail_quote">Are we still on for Monday?</blockquote></div>';
    const result = extractOwnText({ kind: 'html', content: html });
    expect(result.text).toBe('Hi Sam,\n\nThanks & see you on Monday.\n\nCheers,\nLee');
    expect(result.removed.quoted.join(' ')).toContain('Are we still on for Monday?');
  });

  it('stops at the Outlook reply header block', () => {
    const html = '<div>Will do.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Kim<br><b>Sent:</b> today</div><div>Please send the report.</div>';
    expect(extractOwnText({ kind: 'html', content: html }).text).toBe('Will do.');
  });
});

describe('extractOwnText on whole messages', () => {
  it('decodes a quoted-printable text/plain part and cleans it', () => {
    const eml = [
      'From: =?UTF-8?Q?Ren=C3=A9e?= <renee@example.com>',
      'Subject: Re: Caf=C3=A9',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Le caf=C3=A9 de demain est confirm=C3=A9, =C3=A0 tr=C3=A8s vite=',
      ' !',
      '',
      'Le 3 mars 2025 =C3=A0 10:02, Paul <paul@example.fr> a =C3=A9crit :',
      '> On se voit demain ?',
      '--b1',
      'Content-Type: text/html; charset=UTF-8',
      '',
      '<p>ignored because a plain part exists</p>',
      '--b1--',
    ].join('\r\n');
    expect(extractOwnText({ kind: 'eml', content: new TextEncoder().encode(eml) }).text).toBe(
      'Le café de demain est confirmé, à très vite !',
    );
  });
});
