/**
 * Builds lib/style/reference-population.json, the reference writers that calibrate the style
 * score, and lib/style/reference-credits.json, their attributions for the About page, from
 * the multi-genre corpus in ../shared/data/reference/ (forum comments, Q&A posts, essays and
 * letters, blog posts, IRC chat, floor speeches; see its README for licences) and the e-mail
 * writers of the previous, e-mail-only reference (scripts/style-reference/email-writers.json).
 * Run by hand, not in CI:
 *
 *   npx tsx scripts/build-style-reference.ts [--holdout-dir DIR] [--tuning]
 *
 * Writers are split by a fixed rule (see splitRole in scripts/style-reference/corpus.ts): a
 * quarter are evaluation writers, never in the reference, written per corpus file to
 * DIR/<file>.jsonl so that `npm run style:eval` can measure writers the reference and its
 * calibration never saw. `--tuning` also keeps the tuning quarter out, writes it to
 * DIR/tuning-<file>.jsonl, and writes the reference to DIR/reference-population.json instead
 * of lib/style: the method's settings are chosen on those writers, not on the evaluation ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortChunks } from '../lib/style/chunks';
import { COUNT_FAMILIES, STATISTIC_NAMES, extractFeatures, type CountFamily, type TextFeatures } from '../lib/style/features';
import { fingerprintOf } from '../lib/style/fingerprint';
import {
  compactWriter,
  expandWriter,
  featureSpaceOf,
  loadReference,
  vocabularyOf,
  withZeroRuns,
  type CompactWriter,
  type HabitCounts,
  type ReferenceFile,
  type SingleCalibration,
} from '../lib/style/reference';
import { RARE_BUCKETS, RARE_NGRAM_SIZES, encodeSurprisal } from '../lib/style/rare-ngrams';
import { wordsOf } from '../lib/style/text';
import { ratesOf, type StyleRates } from '../lib/style/vectors';
import { SHORT_RANGE, fitCalibration, type WriterTexts } from './style-reference/calibrate';
import { CORPUS_SOURCES, EMAIL_SOURCE, readCorpusFile, readEmailWriters, splitRole, type CorpusRecord } from './style-reference/corpus';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = join(ROOT, '../shared/data/reference');
const EMAIL_WRITERS = join(ROOT, 'scripts/style-reference/email-writers.json');

/**
 * Features added to the e-mail writers' vocabulary, chosen across genres. The e-mail writers
 * were counted over that older vocabulary only, so it stays first and these come after it.
 */
const EXTRA_VOCABULARY: Readonly<Record<CountFamily, number>> = { char: 8000, word: 700, bigram: 350 };
/** Texts per reference writer fingerprint: about the size of a young user profile. */
const MAX_TEXTS_PER_WRITER = 12;
/** A writer whose texts are longer than this (median words) also gets a fingerprint of short chunks. */
const CHUNK_ABOVE_WORDS = 80;
const MIN_CHUNKS = 4;
const MAX_CHUNKS_PER_WRITER = 12;

interface CorpusWriter {
  readonly writer: string;
  readonly source: string;
  readonly texts: readonly string[];
  readonly attribution: string;
}

function writersOf(source: string, records: readonly CorpusRecord[]): CorpusWriter[] {
  const byAuthor = new Map<string, CorpusRecord[]>();
  for (const r of records) byAuthor.set(r.author, [...(byAuthor.get(r.author) ?? []), r]);
  return [...byAuthor.entries()].map(([author, rs]) => ({
    writer: `${source}/${author}`,
    source,
    texts: rs.map((r) => r.text),
    attribution: rs[0]!.attribution,
  }));
}

/**
 * Features shared by writers of every genre, not one genre's topic words: ranked by the share of
 * writers using them, averaged over the genres, then by total count.
 */
function selectVocabulary(writers: readonly { source: string; features: readonly TextFeatures[] }[], family: CountFamily, size: number, taken: ReadonlySet<string>): string[] {
  if (size === 0) return [];
  const sources = [...new Set(writers.map((w) => w.source))];
  const perSource = new Map(sources.map((s) => [s, writers.filter((w) => w.source === s).length]));
  const coverage = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const w of writers) {
    const seen = new Set<string>();
    for (const f of w.features) {
      for (const [key, n] of f.counts) {
        if (!key.startsWith(`${family}:`)) continue;
        totals.set(key, (totals.get(key) ?? 0) + n);
        seen.add(key);
      }
    }
    for (const key of seen) coverage.set(key, (coverage.get(key) ?? 0) + 1 / perSource.get(w.source)! / sources.length);
  }
  return [...coverage.keys()]
    .filter((key) => !taken.has(key.slice(family.length + 1)))
    .sort((a, b) => coverage.get(b)! - coverage.get(a)! || totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1))
    .slice(0, size)
    .map((key) => key.slice(family.length + 1));
}

/** Genre-balanced mean and spread of each count feature's rate over the reference fingerprints that counted it. */
function countMoments(rates: readonly { source: string; rates: StyleRates }[], family: CountFamily, size: number): { mean: number[]; sd: number[] } {
  const perSource = new Map<string, number>();
  for (const r of rates) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
  const weightOf = (source: string) => 1 / perSource.get(source)!;
  const sum = new Float64Array(size);
  const weight = new Float64Array(size);
  for (const { source, rates: r } of rates) {
    for (let i = 0; i < r.known[family]; i++) {
      sum[i]! += weightOf(source) * r.counts[family][i]!;
      weight[i]! += weightOf(source);
    }
  }
  const mean = Array.from(sum, (s, i) => s / Math.max(weight[i]!, 1e-12));
  const squares = new Float64Array(size);
  for (const { source, rates: r } of rates) {
    for (let i = 0; i < r.known[family]; i++) squares[i]! += weightOf(source) * (r.counts[family][i]! - mean[i]!) ** 2;
  }
  const sd = Array.from(squares, (s, i) => Math.max(Math.sqrt(s / Math.max(weight[i]!, 1e-12)), 1e-6));
  return { mean: mean.map((m) => round(m, 4)), sd: sd.map((s) => round(s, 4)) };
}

function mergeHabits(a: HabitCounts, b: HabitCounts): HabitCounts {
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [line, n] of Object.entries(y)) out[line] = (out[line] ?? 0) + n;
    return Object.fromEntries(Object.entries(out).sort((p, q) => (p[0] < q[0] ? -1 : 1)));
  };
  return {
    texts: a.texts + b.texts,
    withGreeting: a.withGreeting + b.withGreeting,
    withClosing: a.withClosing + b.withClosing,
    greetings: add(a.greetings, b.greetings),
    closings: add(a.closings, b.closings),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const holdoutAt = args.indexOf('--holdout-dir');
  const holdoutDir = holdoutAt >= 0 ? args[holdoutAt + 1] : undefined;
  if (holdoutAt >= 0 && holdoutDir === undefined) throw new Error('--holdout-dir needs a folder');
  const tuning = args.includes('--tuning');
  if (tuning && holdoutDir === undefined) throw new Error('--tuning needs --holdout-dir for its reference and writers');
  const kept = (author: string) => splitRole(author) === 'reference' || (!tuning && splitRole(author) === 'tuning');

  const email = readEmailWriters(EMAIL_WRITERS);
  const corpus = CORPUS_SOURCES.map((s) => ({ source: s, records: readCorpusFile(CORPUS_DIR, s.id) }));
  const writers = corpus.flatMap(({ source, records }) => writersOf(source.id, records.filter((r) => kept(r.author))));
  if (holdoutDir !== undefined) {
    mkdirSync(holdoutDir, { recursive: true });
    for (const { source, records } of corpus) {
      for (const role of tuning ? (['evaluation', 'tuning'] as const) : (['evaluation'] as const)) {
        const out = records.filter((r) => splitRole(r.author) === role);
        const file = join(holdoutDir, `${role === 'tuning' ? 'tuning-' : ''}${source.id}.jsonl`);
        writeFileSync(file, `${out.map((r) => JSON.stringify(r)).join('\n')}\n`);
        console.error(`wrote ${out.length} texts by ${new Set(out.map((r) => r.author)).size} ${role} writers to ${file}`);
      }
    }
  }

  const texts = writers.map((w) => ({ ...w, texts: w.texts.slice(0, MAX_TEXTS_PER_WRITER) }));
  const features = texts.map((w) => ({ source: w.source, features: w.texts.map(extractFeatures) }));
  const vocabularyLists = {
    char: [...email.vocabulary.char, ...selectVocabulary(features, 'char', EXTRA_VOCABULARY.char, new Set(email.vocabulary.char))],
    word: [...email.vocabulary.word, ...selectVocabulary(features, 'word', EXTRA_VOCABULARY.word, new Set(email.vocabulary.word))],
    bigram: [...email.vocabulary.bigram, ...selectVocabulary(features, 'bigram', EXTRA_VOCABULARY.bigram, new Set(email.vocabulary.bigram))],
    statistics: [...STATISTIC_NAMES],
  };
  if (email.vocabulary.statistics.join() !== STATISTIC_NAMES.join()) throw new Error('the e-mail writers were counted with other statistics');
  // Profiles counted rare pieces some other way must be rebuilt too, so the pieces are part of the id.
  const vocabulary = { id: hashId(JSON.stringify({ ...vocabularyLists, rare: { buckets: RARE_BUCKETS, sizes: RARE_NGRAM_SIZES } })), ...vocabularyLists };
  const vocab = vocabularyOf({ vocabulary });

  const fingerprints: CompactWriter[] = [];
  const chunkFeatures: TextFeatures[][] = [];
  for (const w of texts) {
    fingerprints.push(compactWriter({ id: w.writer, writer: w.writer, source: w.source, condition: 'long' }, fingerprintOf(w.texts, vocab), { vocabulary }));
    if (median(w.texts.map((t) => wordsOf(t).length)) <= CHUNK_ABOVE_WORDS) continue;
    const chunks = spreadChunks(w.texts.map((t) => shortChunks(t, SHORT_RANGE)), MAX_CHUNKS_PER_WRITER);
    chunkFeatures.push(chunks.map(extractFeatures));
    if (chunks.length >= MIN_CHUNKS) {
      fingerprints.push(compactWriter({ id: `${w.writer}/short`, writer: w.writer, source: w.source, condition: 'short' }, fingerprintOf(chunks, vocab), { vocabulary }));
    }
  }
  const known = COUNT_FAMILIES.map((f) => email.vocabulary[f].length);
  for (const w of email.writers) {
    const counted = w as unknown as CompactWriter;
    fingerprints.push({
      ...counted,
      writer: `email/${w.writer}`,
      id: `email/${w.id}`,
      source: EMAIL_SOURCE.id,
      known,
      char: withZeroRuns(counted.char),
      word: withZeroRuns(counted.word),
      bigram: withZeroRuns(counted.bigram),
    });
  }

  const allTexts = [...features.flatMap((w) => w.features), ...chunkFeatures.flat()];
  const shortTexts = allTexts.filter((x) => x.wordCount <= SHORT_RANGE.max);
  const longTexts = allTexts.filter((x) => x.wordCount > SHORT_RANGE.max);
  const wordRange = { min: Math.min(...allTexts.map((x) => x.wordCount)), max: Math.max(...allTexts.map((x) => x.wordCount)) };
  const partial = { vocabulary, population: { statistics: statisticTrends(allTexts, wordRange), typicalWords: { short: median(shortTexts.map((x) => x.wordCount)), long: median(longTexts.map((x) => x.wordCount)) }, wordRange } };
  // Rates need a feature space; count moments are not needed for rates, so placeholders serve.
  const placeholder = Object.fromEntries(COUNT_FAMILIES.map((f) => [f, { mean: vocabulary[f].map(() => 0), sd: vocabulary[f].map(() => 1) }]));
  const space = featureSpaceOf({ vocabulary, population: { ...partial.population, ...placeholder } as ReferenceFile['population'] });
  const rates = fingerprints.map((w) => ({ source: w.source, rates: ratesOf(expandWriter(w, { vocabulary }), space, Object.fromEntries(COUNT_FAMILIES.map((f, i) => [f, Math.min(w.known?.[i] ?? Infinity, vocabulary[f].length)])) as Record<CountFamily, number>) }));
  const counts = Object.fromEntries(COUNT_FAMILIES.map((f) => [f, countMoments(rates, f, vocabulary[f].length)])) as Pick<ReferenceFile['population'], CountFamily>;
  const population: ReferenceFile['population'] = { ...counts, ...partial.population };
  console.error(
    `${writers.length} corpus writers and ${email.writers.length / 2} e-mail writers: ${fingerprints.length} fingerprints; ` +
      `${longTexts.length} long texts (median ${population.typicalWords.long} words), ${shortTexts.length} short (median ${population.typicalWords.short})`,
  );

  const emailHabits = email.habits as ReferenceFile['habits'];
  const neutral: SingleCalibration = { bias: 0, weights: { char: 1, word: 1, bigram: 1, statistics: 1, habits: 1, rare: 1 } };
  const file: ReferenceFile = {
    format: 5,
    license: 'CC BY-SA 4.0 (derived in part from CC BY-SA Stack Exchange posts; see sources)',
    sources: [...CORPUS_SOURCES, EMAIL_SOURCE].map((s) => ({ ...s })),
    method:
      'Per writer: a fingerprint of whole texts and, for writers of long texts, one of short chunks, each with counts of common character 2-4-grams, words and word bigrams, and ratio statistics. ' +
      'A scored text is z-scored against the reference fingerprints nearest to it; cosine per family, standardised against its nearest reference writers, soft-capped, ' +
      'plus greeting/sign-off likelihood ratios and the rarity-weighted share of the text\'s rare hashed character 3-5-grams the profile holds beyond chance, combined by logistic calibrations fitted jointly on these writers, sign-offs stripped, for short and long profiles and queries.',
    vocabulary,
    population,
    habits: {
      short: mergeHabits(emailHabits.short, habitsOf(chunkFeatures.concat(features.map((w) => w.features.filter((x) => x.wordCount <= SHORT_RANGE.max))))),
      long: mergeHabits(emailHabits.long, habitsOf(features.map((w) => w.features.filter((x) => x.wordCount > SHORT_RANGE.max)))),
    },
    writers: fingerprints,
    rare: { buckets: RARE_BUCKETS, sizes: [...RARE_NGRAM_SIZES], surprisal: encodeSurprisal(pieceRates(writers.flatMap((w) => w.texts))) },
    calibration: { short: { short: neutral, long: neutral }, long: { short: neutral, long: neutral } },
  };
  const writerTexts: WriterTexts[] = writers.map((w) => ({ writer: w.writer, source: w.source, texts: w.texts }));
  file.calibration = fitCalibration(loadReference(file), writerTexts, (line) => console.error(line));
  console.error(JSON.stringify(file.calibration));
  const output = tuning ? join(holdoutDir!, 'reference-population.json') : join(ROOT, 'lib/style/reference-population.json');
  writeFileSync(output, `${JSON.stringify(file)}\n`);
  console.error(`wrote ${output} (${fingerprints.length} fingerprints, ${Math.round(readFileSync(output).length / 1024)} KB)`);
  if (!tuning) writeCredits(writers, file);
}

/**
 * Per-piece rate of each bucket of hashed character 3-5-grams over the corpus writers' texts, half
 * a piece added to every bucket so that one never seen is rare, not impossible.
 */
function pieceRates(texts: readonly string[]): Float64Array {
  const counts = new Float64Array(RARE_BUCKETS).fill(0.5);
  let total = RARE_BUCKETS * 0.5;
  for (const text of texts) {
    for (const [bucket, n] of extractFeatures(text).rare) {
      counts[bucket]! += n;
      total += n;
    }
  }
  return counts.map((c) => c / total);
}

/**
 * One attribution per corpus writer (the creator is named or linked there) for the About page,
 * with the reference's licence and sources, so the page need not load the reference itself.
 */
function writeCredits(writers: readonly CorpusWriter[], reference: { license: unknown; sources: unknown }): void {
  const credits = CORPUS_SOURCES.map((s) => ({ source: s.id, attributions: writers.filter((w) => w.source === s.id).map((w) => w.attribution) }));
  const output = join(ROOT, 'lib/style/reference-credits.json');
  writeFileSync(output, `${JSON.stringify({ license: reference.license, sources: reference.sources, credits })}\n`);
  console.error(`wrote ${output} (${Math.round(readFileSync(output).length / 1024)} KB)`);
}

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

function hashId(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

/** Short texts spread over a writer's texts: the first chunk of each text, then the second, ... */
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


main();
