/**
 * A small deterministic language guesser: scripts decide ru/zh/ja, frequent function words decide
 * between Latin-script languages. Returns a BCP-47 primary tag, or 'und' when unsure.
 */

export type DetectedLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'sv' | 'pl' | 'ru' | 'zh' | 'ja' | 'und';

const STOP_WORDS: Record<Exclude<DetectedLanguage, 'ru' | 'zh' | 'ja' | 'und'>, string> = {
  en: 'the and to of a in is it you that for was on are with this have be not but at we can if my your will just so',
  de: 'der die das und ist nicht ich du wir sie es zu den mit auf für ein eine auch sich dem von bei aber noch wie',
  fr: 'le la les et est pas je vous nous il elle une de des du que qui pour dans sur avec ce mais au être ne',
  es: 'el la los las y es no yo que de en un una por para con se lo como pero su al del está muy',
  it: 'il lo la gli le e è non che di un una per con sono mi ti ci si ma anche come questo della del',
  nl: 'de het een en is niet ik je jij wij we zijn van op voor met dat die er maar ook wat naar bij',
  pt: 'o a os as e é não eu que de do da em um uma para com se por mas como você está muito',
  sv: 'och är inte jag du vi det en ett att som för med på av till men har kan om så den',
  pl: 'i w na nie jest się że to z do jak ale co czy ja ty my jestem już tak dla od po',
};

const STOP_WORD_SETS = Object.entries(STOP_WORDS).map(([lang, words]) => [lang as DetectedLanguage, new Set(words.split(' '))] as const);

/** Fewer recognised function words than this is too little evidence. */
const MIN_STOP_WORD_HITS = 3;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): DetectedLanguage {
  const letters = countMatches(text, /\p{L}/gu);
  if (letters === 0) return 'und';
  const kana = countMatches(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = countMatches(text, /\p{Script=Han}/gu);
  const cyrillic = countMatches(text, /\p{Script=Cyrillic}/gu);
  if (kana > 0 && (kana + han) / letters > 0.3) return 'ja';
  if (han / letters > 0.3) return 'zh';
  if (cyrillic / letters > 0.5) return 'ru';

  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: DetectedLanguage = 'und';
  let bestHits = 0;
  let runnerUp = 0;
  for (const [lang, set] of STOP_WORD_SETS) {
    const hits = words.reduce((n, w) => (set.has(w) ? n + 1 : n), 0);
    if (hits > bestHits) {
      runnerUp = bestHits;
      best = lang;
      bestHits = hits;
    } else if (hits > runnerUp) {
      runnerUp = hits;
    }
  }
  return bestHits >= MIN_STOP_WORD_HITS && bestHits > runnerUp ? best : 'und';
}
