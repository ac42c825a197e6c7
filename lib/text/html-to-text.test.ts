import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps paragraphs, line breaks and list markers', () => {
    const html = '<p>Agenda for&nbsp;Monday:</p><ul><li>budget</li><li>hiring<ol><li>backend</li><li>design</li></ol></li></ul><p>Line one<br>line two</p>';
    expect(htmlToText(html).text).toBe('Agenda for Monday:\n\n- budget\n- hiring\n  1. backend\n  2. design\n\nLine one\nline two');
  });

  it('decodes named, decimal and hex entities and leaves unknown ones as written', () => {
    expect(htmlToText('<div>caf&eacute; &#8211; &#x1F600; &lt;tag&gt; &madeup;</div>').text).toBe('café – 😀 <tag> &madeup;');
  });

  it('ignores scripts, styles, comments and conditional Outlook markup', () => {
    const html = '<html><head><style>p{color:red}</style></head><body><!--[if mso]><p>x</p><![endif]--><script>alert("<p>")</script><p>Hello</p></body></html>';
    expect(htmlToText(html).text).toBe('Hello');
  });

  it('survives unclosed and stray tags', () => {
    expect(htmlToText('<div><p>One<p>Two</span></div><b>Three').text).toBe('One\n\nTwo\n\nThree');
  });

  it('keeps quotes unless asked to drop them, and reports what it dropped', () => {
    const html = '<div>Mine</div><blockquote>Theirs</blockquote><div class="gmail_signature">Sig</div>';
    expect(htmlToText(html).text).toBe('Mine\nTheirs\nSig');
    const dropped = htmlToText(html, { dropQuotes: true });
    expect(dropped).toEqual({ text: 'Mine', quoted: ['Theirs'], signatures: ['Sig'] });
  });

  it('treats Outlook MsoNormal paragraphs as lines', () => {
    expect(htmlToText('<p class=MsoNormal>Thanks,</p><p class=MsoNormal>Alex</p>').text).toBe('Thanks,\nAlex');
  });
});
