import { describe, expect, it } from 'vitest';
import { parseEmailMessage } from './email-message';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('parseEmailMessage', () => {
  it('decodes a base64 iso-8859-1 part and RFC 2047 headers', () => {
    const body = btoa('Grüße aus Köln');
    const eml = `Subject: =?iso-8859-1?Q?Gr=FC=DFe?=\nContent-Type: text/plain; charset="ISO-8859-1"\nContent-Transfer-Encoding: base64\n\n${body}\n`;
    const message = parseEmailMessage(latin1(eml));
    expect(message.headers.get('subject')).toBe('Grüße');
    expect(message.plainText?.trim()).toBe('Grüße aus Köln');
  });

  it('decodes 8-bit windows-1252 bytes with the declared charset', () => {
    const eml = 'Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\nIt\x92s \x93fine\x94 \x80';
    expect(parseEmailMessage(latin1(eml)).plainText).toBe('It’s “fine” €');
  });

  it('finds the text part inside nested multiparts and skips attachments', () => {
    const eml = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'attached file',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Hello <b>there</b></p>',
      '--inner--',
      '--outer--',
    ].join('\n');
    const message = parseEmailMessage(eml);
    expect(message.plainText).toBeNull();
    expect(message.html).toBe('<p>Hello <b>there</b></p>');
  });

  it('unwraps format=flowed lines', () => {
    const eml = 'Content-Type: text/plain; charset=utf-8; format=flowed\n\nThis line was \nwrapped by the client.\n-- \nSig';
    expect(parseEmailMessage(eml).plainText).toBe('This line was wrapped by the client.\n-- \nSig');
  });

  it('does not join a flowed quoted line with the unquoted reply under it', () => {
    const eml = 'Content-Type: text/plain; format=flowed\n\nOn 04/02/2012 06:26 PM, Megan wrote:\n> Hi \n> there\nHello';
    expect(parseEmailMessage(eml).plainText).toBe('On 04/02/2012 06:26 PM, Megan wrote:\n> Hi there\nHello');
  });
});
