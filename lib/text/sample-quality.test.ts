import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { detectLanguage } from './detect-language';
import { redactPersonalData } from './redact';
import { assessSampleQuality, describeSample, MIN_SAMPLE_WORDS } from './sample-quality';

const prose =
  'I looked at the draft again this morning and I think the second section still reads a bit too formal, ' +
  'so let us keep the examples but cut the long introduction before we send it to the team on Friday.';

describe('assessSampleQuality', () => {
  it('accepts ordinary prose', () => {
    expect(assessSampleQuality(prose)).toMatchObject({ usable: true, reasons: [] });
  });

  it('keeps a short reply, marked short: greetings, sign-offs and brevity are style', () => {
    expect(assessSampleQuality('Thanks, see you on Friday then!')).toEqual({ usable: true, reasons: [], wordCount: 6, short: true });
    expect(assessSampleQuality(prose).short).toBe(false);
  });

  it('rejects a text of a word or two with a reason a person understands', () => {
    const quality = assessSampleQuality('See you!');
    expect(quality.usable).toBe(false);
    expect(quality.reasons).toEqual([`too short: 2 words, need ${MIN_SAMPLE_WORDS}`]);
  });

  it('rejects text that is mostly code', () => {
    const code = 'Try this:\n```\nconst total = items.reduce((sum, item) => sum + item.price, 0);\nif (total > limit) {\n  throw new Error("over budget");\n}\nreturn total;\n```\nworks for me with many many words to get over the minimum count here.';
    expect(assessSampleQuality(code).reasons).toContainEqual(expect.stringMatching(/^mostly code: \d+% of lines look like code$/));
  });

  it('rejects pasted log output', () => {
    const log = Array.from({ length: 6 }, (_, i) => `2025-01-0${i + 1} 10:00:0${i} ERROR worker ${i} failed to connect to the database server at port 5432`).join('\n');
    expect(assessSampleQuality(log).reasons).toContainEqual(expect.stringMatching(/^mostly log output/));
  });

  it('rejects text that is mostly a quotation of someone else', () => {
    const quoted = `As she wrote: "${prose}"`;
    expect(assessSampleQuality(quoted).reasons).toContainEqual(expect.stringMatching(/^mostly quoted from someone else/));
  });
});

describe('contentHash', () => {
  it('ignores case, spacing and punctuation variants but not wording', async () => {
    const a = await contentHash('It’s done — thanks!\n\nAnna');
    expect(await contentHash("it's   done - Thanks\nanna")).toBe(a);
    expect(await contentHash("It's not done, thanks! Anna")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['en', 'I think we should wait until the end of the week and then decide if it is worth it.'],
    ['de', 'Ich glaube, wir sollten bis zum Ende der Woche warten und dann sehen, ob es sich lohnt.'],
    ['fr', 'Je pense que nous devons attendre la fin de la semaine pour voir si cela vaut la peine.'],
    ['es', 'Creo que es mejor esperar hasta el final de la semana y luego ver si vale la pena.'],
    ['it', 'Penso che sia meglio aspettare la fine della settimana e poi vedere se ne vale la pena.'],
    ['nl', 'Ik denk dat we tot het einde van de week moeten wachten en dan zien of het de moeite is.'],
    ['pt', 'Eu acho que é melhor esperar até o fim da semana e depois ver se vale a pena.'],
    ['sv', 'Jag tror att vi ska vänta till slutet av veckan och sedan se om det är värt det.'],
    ['pl', 'Myślę, że to nie jest dobry pomysł i że trzeba poczekać do końca tygodnia, ale zobaczymy.'],
    ['ru', 'Я думаю, что нам стоит подождать до конца недели и потом решить.'],
    ['zh', '我觉得我们应该等到周末再决定是否值得。'],
    ['ja', '週末まで待ってから、やる価値があるか決めたほうがいいと思います。'],
  ])('detects %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says und when there is too little to go on', () => {
    expect(detectLanguage('OK 👍')).toBe('und');
    expect(detectLanguage('12345')).toBe('und');
  });
});

describe('redactPersonalData', () => {
  it('replaces emails, phone numbers and Luhn-valid card numbers, but not dates or invalid cards', () => {
    const text = 'Mail anna.k@example.co.uk or call +49 (30) 123-4567. Card 4111 1111 1111 1111, not 4111 1111 1111 1112. Due 2025-03-14 at 10:30.';
    const result = redactPersonalData(text);
    expect(result.text).toBe('Mail [email] or call [phone]. Card [card], not 4111 1111 1111 1112. Due 2025-03-14 at 10:30.');
    expect(result.counts).toEqual({ email: 1, phone: 1, card: 1 });
  });
});

describe('describeSample', () => {
  it('returns redacted text with quality, language and the hash of the original', async () => {
    const sample = await describeSample(`${prose} Write to me at tom@example.com.`, { redact: true });
    expect(sample.text).toContain('[email]');
    expect(sample.language).toBe('en');
    expect(sample.quality.usable).toBe(true);
    expect(sample.contentHash).toBe(await contentHash(`${prose} Write to me at tom@example.com.`));
  });
});
