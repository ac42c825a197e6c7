/**
 * The reference population shipped with the extension: other real writers, of many genres, whose
 * fingerprints calibrate every score (so a score means the same for every user and every kind of
 * writing), the feature vocabulary, the population statistics used to z-score features, and the
 * fitted calibration weights.
 */
import { z } from 'zod';
import { COUNT_FAMILIES, STATISTIC_NAMES, type CountFamily } from './features';
import type { StyleFingerprint } from './fingerprint';
import { locatorOf, type Locator } from './neighbours';
import { RARE_BUCKETS, RARE_NGRAM_SIZES, decodeSurprisal, emptyRareCounts, type RareTable } from './rare-ngrams';
import {
  LENGTH_CONDITIONS,
  globalYardstick,
  ratesOf,
  vectorsAgainst,
  type FeatureSpace,
  type LengthCondition,
  type Moments,
  type FamilyVector,
  type StyleRates,
  type VectorFamily,
  type Yardstick,
} from './vectors';

const moments = z.object({ mean: z.array(z.number()), sd: z.array(z.number().positive()) });
/** Per feature, `intercept + slope * ln(words per text)`. */
const lengthTrend = z.object({ intercept: z.array(z.number()), slope: z.array(z.number()) });

const compactWriterSchema = z.object({
  /** Unique id of this fingerprint. */
  id: z.string(),
  /** The person who wrote it: one writer has a fingerprint of whole texts and one of short texts. */
  writer: z.string(),
  /** Which source (and so which genre) the writer comes from, an id of the file's `sources`. */
  source: z.string(),
  condition: z.enum(LENGTH_CONDITIONS),
  /**
   * How many leading features of each family (COUNT_FAMILIES order) were counted, when fewer than
   * the vocabulary has: writers carried over from an older, smaller vocabulary.
   */
  known: z.array(z.number().int().nonnegative()).length(COUNT_FAMILIES.length).optional(),
  samples: z.number().int().positive(),
  words: z.number().int().positive(),
  /** Totals of char n-grams, words and word bigrams, in COUNT_FAMILIES order. */
  totals: z.array(z.number().int()).length(COUNT_FAMILIES.length),
  /**
   * Counts aligned with the vocabulary of each family, without trailing zeros; a negative number
   * -n stands for n zeros in a row (most of a writer's rarer features are zero).
   */
  char: z.array(z.number().int()),
  word: z.array(z.number().int()),
  bigram: z.array(z.number().int()),
  /** Numerator and denominator of each statistic, flattened, in vocabulary order. */
  statistics: z.array(z.number()),
});
export type CompactWriter = z.infer<typeof compactWriterSchema>;

const familyWeights = z.object({
  char: z.number(),
  word: z.number(),
  bigram: z.number(),
  statistics: z.number(),
  habits: z.number(),
  rare: z.number(),
});
export type FamilyWeights = z.infer<typeof familyWeights>;

const singleCalibration = z.object({ bias: z.number(), weights: familyWeights });
export type SingleCalibration = z.infer<typeof singleCalibration>;

const byQueryLength = z.object({ short: singleCalibration, long: singleCalibration });

/** Weights fitted for each combination of profile texts' length and query length: `[profile][query]`. */
export const calibrationSchema = z.object({ short: byQueryLength, long: byQueryLength });
export type Calibration = z.infer<typeof calibrationSchema>;

const habitCounts = z.object({
  texts: z.number().int().positive(),
  withGreeting: z.number().int().nonnegative(),
  withClosing: z.number().int().nonnegative(),
  greetings: z.record(z.string(), z.number().int().positive()),
  closings: z.record(z.string(), z.number().int().positive()),
});
export type HabitCounts = z.infer<typeof habitCounts>;

const referenceSourceSchema = z.object({
  id: z.string(),
  genre: z.string(),
  /** Where the texts come from, as a person would name it. */
  description: z.string(),
  license: z.string(),
});
export type ReferenceSource = z.infer<typeof referenceSourceSchema>;

export const referenceFileSchema = z.object({
  format: z.literal(5),
  /** The licence of this file as a whole (it is derived from every source below). */
  license: z.string(),
  sources: z.array(referenceSourceSchema).min(1),
  method: z.string(),
  vocabulary: z.object({
    id: z.string(),
    char: z.array(z.string()),
    word: z.array(z.string()),
    bigram: z.array(z.string()),
    statistics: z.array(z.string()),
  }),
  population: z.object({
    char: moments,
    word: moments,
    bigram: moments,
    /** Mean and standard deviation of each statistic as they change with the length of the texts. */
    statistics: z.object({ mean: lengthTrend, sd: lengthTrend }),
    /** Typical words per text of the short and the long reference texts. */
    typicalWords: z.object({ short: z.number().positive(), long: z.number().positive() }),
    /** Words per text of the shortest and the longest reference texts. */
    wordRange: z.object({ min: z.number().positive(), max: z.number().positive() }),
  }),
  /** How many reference texts of each length opened with each common greeting / closed with each common sign-off. */
  habits: z.object({ short: habitCounts, long: habitCounts }),
  writers: z.array(compactWriterSchema),
  /** How rare each hashed character 3-5-gram is among the reference writers' texts (see rare-ngrams.ts). */
  rare: z.object({
    buckets: z.literal(RARE_BUCKETS),
    sizes: z.tuple([z.literal(RARE_NGRAM_SIZES[0]), z.literal(RARE_NGRAM_SIZES[1]), z.literal(RARE_NGRAM_SIZES[2])]),
    /** One byte per bucket, base64: surprisal (minus the log of the per-piece rate) in tenths. */
    surprisal: z.string(),
  }),
  calibration: calibrationSchema,
});
export type ReferenceFile = z.infer<typeof referenceFileSchema>;

export interface StyleVocabulary {
  readonly id: string;
  /** Every vocabulary feature key, `family:feature`. */
  readonly keys: ReadonlySet<string>;
}

export interface ReferenceWriter {
  readonly id: string;
  readonly writer: string;
  readonly source: string;
  readonly rates: StyleRates;
  /** What finds the writers nearest to a text (see neighbours.ts). */
  readonly locator: Locator;
  /** Statistics z-scored against the reference's length trends, what a stranger's are compared on. */
  readonly statistics: FamilyVector;
}

export interface StyleReference {
  readonly vocabulary: StyleVocabulary;
  readonly space: FeatureSpace;
  readonly global: Yardstick;
  readonly habits: ReferenceFile['habits'];
  readonly writers: readonly ReferenceWriter[];
  readonly rare: RareTable;
  readonly calibration: Calibration;
}

function checkSize(values: readonly unknown[][], size: number, what: string): void {
  if (values.some((v) => v.length !== size)) throw new Error(`Reference population statistics for ${what} do not match its vocabulary`);
}

export function featureSpaceOf(file: Pick<ReferenceFile, 'vocabulary' | 'population'>): FeatureSpace {
  const features = {} as Record<VectorFamily, readonly string[]>;
  const counts = {} as Record<CountFamily, Moments>;
  for (const family of COUNT_FAMILIES) {
    features[family] = file.vocabulary[family].map((f) => `${family}:${f}`);
    const { mean, sd } = file.population[family];
    checkSize([mean, sd], features[family].length, `"${family}"`);
    counts[family] = { mean: Float64Array.from(mean), sd: Float64Array.from(sd) };
  }
  features.statistics = file.vocabulary.statistics;
  const { mean, sd } = file.population.statistics;
  checkSize([mean.intercept, mean.slope, sd.intercept, sd.slope], features.statistics.length, 'the statistics');
  const trend = (t: { intercept: number[]; slope: number[] }) => ({ intercept: Float64Array.from(t.intercept), slope: Float64Array.from(t.slope) });
  return { features, counts, statistics: { mean: trend(mean), sd: trend(sd) },
    typicalWords: file.population.typicalWords,
    wordRange: file.population.wordRange,
  };
}

export function vocabularyOf(file: Pick<ReferenceFile, 'vocabulary'>): StyleVocabulary {
  const keys = new Set<string>();
  for (const family of COUNT_FAMILIES) for (const f of file.vocabulary[family]) keys.add(`${family}:${f}`);
  return { id: file.vocabulary.id, keys };
}

export function compactWriter(
  who: { id: string; writer: string; source: string; condition: LengthCondition },
  fp: StyleFingerprint,
  file: Pick<ReferenceFile, 'vocabulary'>,
): CompactWriter {
  // Trailing zeros are left out: the vocabulary is ordered from common to rare features.
  const dense = (family: CountFamily) => {
    const values = file.vocabulary[family].map((f) => fp.counts[`${family}:${f}`] ?? 0);
    let end = values.length;
    while (end > 0 && values[end - 1] === 0) end--;
    return withZeroRuns(values.slice(0, end));
  };
  return {
    ...who,
    samples: fp.samples,
    words: fp.words,
    totals: COUNT_FAMILIES.map((family) => fp.totals[family]),
    char: dense('char'),
    word: dense('word'),
    bigram: dense('bigram'),
    statistics: file.vocabulary.statistics.flatMap((name) => {
      const ratio = fp.statistics[name];
      return ratio === undefined ? [0, 0] : [ratio.num, ratio.den];
    }),
  };
}

/** Runs of two or more zeros written as minus their length. */
export function withZeroRuns(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; ) {
    let run = 0;
    while (values[i + run] === 0) run++;
    if (run >= 2) {
      out.push(-run);
      i += run;
    } else {
      out.push(values[i]!);
      i++;
    }
  }
  return out;
}

export function withoutZeroRuns(values: readonly number[]): number[] {
  return values.flatMap((n) => (n < 0 ? new Array<number>(-n).fill(0) : [n]));
}

export function expandWriter(writer: CompactWriter, file: Pick<ReferenceFile, 'vocabulary'>): StyleFingerprint {
  const counts: Record<string, number> = {};
  for (const family of COUNT_FAMILIES) {
    const names = file.vocabulary[family];
    const values = withoutZeroRuns(writer[family]);
    if (values.length > names.length) throw new Error(`Reference writer ${writer.id} has ${values.length} ${family} counts, vocabulary has ${names.length}`);
    values.forEach((n, i) => {
      if (n > 0) counts[`${family}:${names[i]!}`] = n;
    });
  }
  const statistics: StyleFingerprint['statistics'] = {};
  file.vocabulary.statistics.forEach((name, i) => {
    const num = writer.statistics[2 * i] ?? 0;
    const den = writer.statistics[2 * i + 1] ?? 0;
    if (num !== 0 || den !== 0) statistics[name] = { num, den };
  });
  const [char = 0, word = 0, bigram = 0] = writer.totals;
  return {
    format: 1,
    vocabulary: file.vocabulary.id,
    samples: writer.samples,
    words: writer.words,
    totals: { char, word, bigram },
    counts,
    statistics,
    greetings: {},
    closings: {},
    rare: emptyRareCounts(),
  };
}

function knownOf(writer: CompactWriter, file: Pick<ReferenceFile, 'vocabulary'>): Record<CountFamily, number> {
  const known = {} as Record<CountFamily, number>;
  COUNT_FAMILIES.forEach((family, i) => {
    known[family] = Math.min(writer.known?.[i] ?? Infinity, file.vocabulary[family].length);
  });
  return known;
}

export function loadReference(json: unknown): StyleReference {
  const file = referenceFileSchema.parse(json);
  const missing = STATISTIC_NAMES.filter((name) => !file.vocabulary.statistics.includes(name));
  if (missing.length > 0) throw new Error(`Reference population lacks statistics ${missing.join(', ')}: rebuild it`);
  const space = featureSpaceOf(file);
  const global = globalYardstick(space);
  const writers = file.writers.map((w): ReferenceWriter => {
    const rates = ratesOf(expandWriter(w, file), space, knownOf(w, file));
    // The globally normalised count vectors are needed only for the locator: keeping them would double the memory.
    const vectors = vectorsAgainst(rates, global, space);
    return { id: w.id, writer: w.writer, source: w.source, rates, locator: locatorOf(vectors), statistics: vectors.statistics };
  });
  return { vocabulary: vocabularyOf(file), space, global, habits: file.habits, writers, rare: decodeSurprisal(file.rare.surprisal), calibration: file.calibration };
}
