import { forMatching, isBlank } from './text-lines';

/**
 * Outlook-style header blocks ("From: … / Sent: … / To: … / Subject: …") in the languages mail
 * clients are localised to. Labels are looked up in sets, not in one giant alternation.
 */

type FieldKind = 'from' | 'date' | 'to' | 'subject' | 'cc';

const LABELS: Record<FieldKind, string[]> = {
  from: [
    'from', 'von', 'de', 'da', 'van', 'från', 'fra', 'od', 'lähettäjä', 'от', 'від', '发件人', '寄件者',
    '差出人', '보낸 사람', 'feladó', 'kimden', 'remetente', 'afsender', 'avsender', 'mittente',
    'expéditeur', 'remitente', 'odesílatel', 'từ',
  ],
  date: [
    'sent', 'date', 'gesendet', 'datum', 'envoyé', 'envoyé le', 'enviado', 'enviado el', 'fecha',
    'inviato', 'data', 'verzonden', 'skickat', 'sendt', 'dato', 'wysłano', 'wysłane', 'enviada',
    'lähetetty', 'päivämäärä', 'отправлено', 'дата', '发送时间', '日期', '送信日時', '日付', '보낸 날짜',
    '날짜', 'elküldve', 'dátum', 'tarih', 'gönderildi', 'odesláno', 'ngày gửi', 'sent at',
  ],
  to: [
    'to', 'an', 'à', 'a', 'para', 'aan', 'till', 'til', 'do', 'vastaanottaja', 'кому', '收件人', '宛先',
    '받는 사람', 'címzett', 'kime', 'komu', 'đến', 'destinataire',
  ],
  subject: [
    'subject', 'betreff', 'objet', 'asunto', 'oggetto', 'onderwerp', 'ämne', 'emne', 'temat', 'assunto',
    'aihe', 'тема', '主题', '主旨', '件名', '제목', 'tárgy', 'konu', 'předmět', 'chủ đề',
  ],
  cc: ['cc', 'bcc', 'kopie', 'copie', 'kopia', 'копия', '抄送', '副本', '참조', 'reply-to'],
};

const KIND_BY_LABEL = new Map<string, FieldKind>();
for (const [kind, labels] of Object.entries(LABELS) as [FieldKind, string[]][]) {
  for (const label of labels) KIND_BY_LABEL.set(label, kind);
}

/** "From:", "*From:*", "De :", "**Sent:**", "发件人：". The label is at most a few words. */
const LABEL_AT_START = /^\s*\**\s*([^\s:：*][^:：*\n]{0,24}?)\s*\**\s*[:：]/u;
const INLINE_LABEL = /\s\**([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{0,14}?)\**\s?[:：]\s/gu;

export function fieldKindAt(line: string): FieldKind | null {
  const match = LABEL_AT_START.exec(forMatching(line));
  const label = match?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  return label ? (KIND_BY_LABEL.get(label) ?? null) : null;
}

/** HTML rendering can collapse a header block onto one line: "From: a Sent: b To: c Subject: d". */
function isCollapsedBlock(line: string): boolean {
  if (fieldKindAt(line) !== 'from') return false;
  const kinds = new Set<FieldKind>();
  for (const match of forMatching(line).matchAll(INLINE_LABEL)) {
    const kind = KIND_BY_LABEL.get((match[1] ?? '').toLowerCase());
    if (kind && kind !== 'from') kinds.add(kind);
  }
  return kinds.size >= 1;
}

const MAX_BLOCK_LINES = 10;
const MAX_CONTINUATION_LINES = 2;

/**
 * True when a header block starts at `index`: a From/Date/Sent field followed, allowing wrapped
 * values, by at least one more distinct field. One "Date:" line in a message is not enough.
 */
export function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  const first = lines[index] ?? '';
  const firstKind = fieldKindAt(first);
  if (firstKind !== 'from' && firstKind !== 'date') return false;
  if (isCollapsedBlock(first)) return /[@\d]/.test(first);
  const kinds = new Set<FieldKind>([firstKind]);
  let continuation = 0;
  // Real header blocks carry an address or a date; "From: the team / To: everyone" is prose.
  let datedOrAddressed = /[@\d]/.test(first);
  for (let i = index + 1; i < lines.length && i <= index + MAX_BLOCK_LINES; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) break;
    datedOrAddressed ||= /[@\d]/.test(line);
    const kind = fieldKindAt(line);
    if (kind) {
      kinds.add(kind);
      continuation = 0;
    } else if (++continuation > MAX_CONTINUATION_LINES) {
      break;
    }
  }
  if (kinds.size < 2 || !datedOrAddressed) return false;
  return kinds.has('from') || kinds.has('to') || kinds.has('subject');
}
