import { forMatching, isBlank } from './text-lines';

/**
 * Recognises the lines mail clients put above quoted history. Every pattern is anchored and
 * uses only bounded repetition, so matching stays linear in the (capped) line length.
 */

/** Verbs that end an attribution line ("…, Anna <a@b.c> wrote:"), by language. */
const WROTE_VERBS = [
  'wrote', 'writes', 'a écrit', 'escribió', 'escribio', 'ha escrit', 'ha scritto', 'scrisse',
  'schreef', 'het volgende geschreven', 'napisał', 'napisała', 'napisał\\(a\\)', 'pisze',
  'escreveu', 'skrev', 'kirjoitti', 'написал', 'написала', 'написал\\(а\\)', 'пишет', 'napsal',
  'napsala', 'napsal\\(a\\)', 'yazdı', 'írta', 'έγραψε', 'đã viết', 'schrieb', 'написав', 'написала',
];
const CJK_VERBS = ['写道', '寫道', 'のメッセージ', '書きました', '작성'];

const VERB_AT_END = new RegExp(
  `(?:(?:^|[\\s"'>)])(?:${WROTE_VERBS.join('|')})|${CJK_VERBS.join('|')})\\s*(?:[:：]|-{2,})\\s*$`,
  'iu',
);
/** German, Dutch and Scandinavian clients put the sender after the verb: "Am … schrieb Anna <…>:". */
const VERB_THEN_SENDER = /(?:^|\s)(?:schrieb|schreef|skrev|napisał)\s[^\n]{1,200}[:：]\s*$/iu;
const ON_SENT = /^\s*On\s[^\n]{1,300}\ssent:\s*$/;
/** Android: "---- Anna wrote ----". */
const DASHED_WROTE = /^\s*-{2,}\s*[^\n]{1,200}\swrote\s*-{2,}\s*$/i;
/** Old Gmail: "2014-10-17 11:28 GMT+03:00 Anna <a@b.c>:" (possibly wrapped before the address). */
const DATE_THEN_ADDRESS = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b[^\n]{0,200}<[^\n<>]{0,200}@[^\n<>]{1,200}>\s*:?\s*$/;
/** Clients without a verb: "30.09.2017, 18.30, "Anna" <a@b.c>:" or "ср, 30 апр. 2025 г. в 15:19, Anna <a@b.c>:". */
const DATED_ADDRESS_COLON = /<[^\s<>@]{1,100}@[^\s<>]{1,200}>\s*[:：]\s*$/;
const TIME_OR_YEAR = /\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b/;
/** Some clients drop the colon: "On Wed, 14 Nov 2018 08:14:43 -0200 Anna <a@b.c> wrote". */
const ON_WROTE_NO_COLON = /^\s*On\s[^\n]{1,300}\swrote\s*$/;

/** Words that open a (possibly wrapped) attribution line. */
const ATTRIBUTION_START = new RegExp(
  '^\\s*[-–—*]*\\s*(?:(?:On|Am|Le|El|Il|Op|W dniu|Em|Den|På|Vào|Dne)[\\s,]|在' +
    // a date or time first: "2016. 11. 8.", "30.09.2017", "11:00 AM", "29 грудня", "pe 20.", "tir. 18."
    '|\\d{1,4}[./-]\\s?\\d{1,2}|\\d{1,2}:\\d{2}|\\d{1,2}\\.?\\s\\p{L}|\\p{L}{1,4}\\.?,?\\s\\d)',
  'u',
);

const MAX_HEADER_LINES = 5;
const MAX_HEADER_LENGTH = 500;

export interface HeaderRange {
  start: number;
  /** Inclusive. */
  end: number;
  /** Own text that shares the first line with the header ("reply On … wrote:"). */
  keptPrefix: string;
}

function looksDatedOrAddressed(text: string): boolean {
  return /\d|@/.test(text);
}

function endsAttribution(joined: string): boolean {
  const text = forMatching(joined);
  if (DASHED_WROTE.test(text)) return true;
  if (!looksDatedOrAddressed(text)) return false;
  if (VERB_AT_END.test(text) || VERB_THEN_SENDER.test(text) || ON_SENT.test(text) || DATE_THEN_ADDRESS.test(text)) {
    return true;
  }
  const datedAndAddressed = text.includes('@') && TIME_OR_YEAR.test(text);
  return datedAndAddressed && (DATED_ADDRESS_COLON.test(text) || ON_WROTE_NO_COLON.test(text));
}

/** "reply On Wed, … wrote:": the attribution starts mid-line after the reply. */
function splitSharedLine(line: string): { prefix: string; header: string } | null {
  const at = forMatching(line).search(/[\s-]On\s/);
  if (at <= 0) return null;
  const header = line.slice(at + 1);
  if (!endsAttribution(header)) return null;
  return { prefix: line.slice(0, at + 1).replace(/[\s-]+$/, ''), header };
}

/**
 * Finds attribution headers. A header is detected at the line that ends it, then widened upwards
 * to the nearest line that opens an attribution, because clients wrap long headers.
 */
export function findAttributionHeaders(lines: readonly string[], skip: readonly boolean[]): HeaderRange[] {
  const ranges: HeaderRange[] = [];
  let claimedUntil = -1;
  for (let end = 0; end < lines.length; end++) {
    const line = lines[end] ?? '';
    if (skip[end] || isBlank(line) || line.length > MAX_HEADER_LENGTH) continue;
    const completeAlone = endsAttribution(line);
    // A complete attribution inside quoted text belongs to the quote, not to this message.
    if (completeAlone && /^\s*>/.test(line)) continue;
    let start = completeAlone && ATTRIBUTION_START.test(forMatching(line)) ? end : -1;
    const widest = Math.min(MAX_HEADER_LINES - 1, end - claimedUntil - 1);
    for (let k = 1; start < 0 && k <= widest; k++) {
      const first = lines[end - k] ?? '';
      // Wrapped headers only span blank lines when the last line alone is not a header.
      if (completeAlone && isBlank(first)) break;
      if (skip[end - k] || !ATTRIBUTION_START.test(forMatching(first))) continue;
      const joined = lines.slice(end - k, end + 1).map((l) => l.trim()).join(' ');
      if (joined.length <= MAX_HEADER_LENGTH && endsAttribution(joined)) start = end - k;
    }
    if (start < 0 && completeAlone) start = end;
    if (start < 0) continue;
    const shared = start === end ? splitSharedLine(line) : null;
    const keptPrefix = shared && ATTRIBUTION_START.test(shared.header) ? shared.prefix : '';
    ranges.push({ start, end, keptPrefix });
    claimedUntil = end;
  }
  return ranges;
}

const ORIGINAL_MESSAGE = new RegExp(
  '^\\s*[-=_*]{2,}\\s*(?:' +
    [
      'Original Message', 'Reply Message', 'Ursprüngliche Nachricht', 'Antwort Nachricht',
      'Oprindelig meddelelse', "Message d'origine", 'Mensaje original', 'Messaggio originale',
      'Oorspronkelijk bericht', 'Originalmeddelande', 'Opprinnelig melding', 'Alkuperäinen viesti',
      'Wiadomość oryginalna', 'Oryginalna wiadomość', 'Mensagem original', 'Исходное сообщение',
      'Původní zpráva', '原始邮件', '原始郵件', '元のメッセージ', '원본 메시지', 'Forwarded message',
      'Weitergeleitete Nachricht', 'Message transféré', 'Mensaje reenviado', 'Messaggio inoltrato',
      'Doorgestuurd bericht', 'Vidarebefordrat meddelande', 'Videresendt meddelelse',
      'Videresendt melding', 'Välitetty viesti', 'Przekazana wiadomość', 'Mensagem encaminhada',
      'Пересылаемое сообщение', 'Переслане повідомлення', '转发的邮件', '轉寄的郵件', '転送されたメッセージ',
      'Oprindelig besked', 'Ursprungligt meddelande', 'Opprinnelig melding', 'Forwarded by',
    ].join('|') +
    ')[^\\n]{0,80}$',
  'iu',
);

const FORWARD_INTRO =
  /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message (?:ré)?(?:en)?(?:voyé|transféré)|Inicio del mensaje reenviado|Inizio messaggio inoltrato|Begin doorgestuurd bericht|Início da mensagem reencaminhada|Vidarebefordrat brev|Начало переадресованного сообщения)\s*[:：]\s*$/iu;

/** "-----Original Message-----", forwarded-message banners and their translations. */
export function isHistorySeparator(line: string): boolean {
  const text = forMatching(line);
  return ORIGINAL_MESSAGE.test(text) || FORWARD_INTRO.test(text);
}

/** A line made only of rule characters: "_____", "-----", "—————". */
export function isRuleLine(line: string, minLength = 2): boolean {
  const text = line.trim();
  return text.length >= minLength && text.length <= 200 && /^[-_—–=*~]+$/.test(text);
}
