/**
 * The reference population shipped with the extension: other real writers whose fingerprints
 * calibrate every score (so a score means the same for every user), the feature vocabulary, the
 * population statistics used to z-score features, and the fitted calibration weights.
 */
import { z } from 'zod';
import { COUNT_FAMILIES, STATISTIC_NAMES, type CountFamily } from './features';
import type { StyleFingerprint } from './fingerprint';
import { VECTOR_FAMILIES, styleVectors, type FeatureSpace, type StyleVectors, type VectorFamily } from './vectors';

const moments = z.object({ mean: z.array(z.number()), sd: z.array(z.number().positive()) });

const compactWriterSchema = z.object({
  id: z.string(),
  samples: z.number().int().positive(),
  words: z.number().int().positive(),
  /** Totals of char n-grams, words and word bigrams, in COUNT_FAMILIES order. */
  totals: z.array(z.number().int()).length(COUNT_FAMILIES.length),
  /** Dense counts aligned with the vocabulary of each family. */
  char: z.array(z.number().int().nonnegative()),
  word: z.array(z.number().int().nonnegative()),
  bigram: z.array(z.number().int().nonnegative()),
  /** Numerator and denominator of each statistic, flattened, in vocabulary order. */
  statistics: z.array(z.number()),
});
export type CompactWriter = z.infer<typeof compactWriterSchema>;

export const calibrationSchema = z.object({
  bias: z.number(),
  weights: z.object({
    char: z.number(),
    word: z.number(),
    bigram: z.number(),
    statistics: z.number(),
    habits: z.number(),
  }),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const referenceFileSchema = z.object({
  format: z.literal(1),
  source: z.string(),
  license: z.string(),
  method: z.string(),
  vocabulary: z.object({
    id: z.string(),
    char: z.array(z.string()),
    word: z.array(z.string()),
    bigram: z.array(z.string()),
    statistics: z.array(z.string()),
  }),
  population: z.object({ char: moments, word: moments, bigram: moments, statistics: moments }),
  /** How many reference texts opened with each common greeting / closed with each common sign-off. */
  habits: z.object({
    texts: z.number().int().positive(),
    withGreeting: z.number().int().nonnegative(),
    withClosing: z.number().int().nonnegative(),
    greetings: z.record(z.string(), z.number().int().positive()),
    closings: z.record(z.string(), z.number().int().positive()),
  }),
  writers: z.array(compactWriterSchema),
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
  readonly vectors: StyleVectors;
}

export interface StyleReference {
  readonly vocabulary: StyleVocabulary;
  readonly space: FeatureSpace;
  readonly habits: ReferenceFile['habits'];
  readonly writers: readonly ReferenceWriter[];
  readonly calibration: Calibration;
}

export function featureSpaceOf(file: Pick<ReferenceFile, 'vocabulary' | 'population'>): FeatureSpace {
  const features = {} as Record<VectorFamily, readonly string[]>;
  const mean = {} as Record<VectorFamily, Float64Array>;
  const sd = {} as Record<VectorFamily, Float64Array>;
  for (const family of VECTOR_FAMILIES) {
    const names = file.vocabulary[family];
    features[family] = family === 'statistics' ? names : names.map((f) => `${family}:${f}`);
    mean[family] = Float64Array.from(file.population[family].mean);
    sd[family] = Float64Array.from(file.population[family].sd);
    if (mean[family].length !== names.length || sd[family].length !== names.length) {
      throw new Error(`Reference population statistics for "${family}" do not match its vocabulary`);
    }
  }
  return { features, mean, sd };
}

export function vocabularyOf(file: Pick<ReferenceFile, 'vocabulary'>): StyleVocabulary {
  const keys = new Set<string>();
  for (const family of COUNT_FAMILIES) for (const f of file.vocabulary[family]) keys.add(`${family}:${f}`);
  return { id: file.vocabulary.id, keys };
}

export function compactWriter(id: string, fp: StyleFingerprint, file: Pick<ReferenceFile, 'vocabulary'>): CompactWriter {
  const dense = (family: CountFamily) => file.vocabulary[family].map((f) => fp.counts[`${family}:${f}`] ?? 0);
  return {
    id,
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

export function expandWriter(writer: CompactWriter, file: Pick<ReferenceFile, 'vocabulary'>): StyleFingerprint {
  const counts: Record<string, number> = {};
  for (const family of COUNT_FAMILIES) {
    const names = file.vocabulary[family];
    const values = writer[family];
    if (values.length !== names.length) throw new Error(`Reference writer ${writer.id} has ${values.length} ${family} counts, vocabulary has ${names.length}`);
    names.forEach((f, i) => {
      if (values[i]! > 0) counts[`${family}:${f}`] = values[i]!;
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
  };
}

export function loadReference(json: unknown): StyleReference {
  const file = referenceFileSchema.parse(json);
  const missing = STATISTIC_NAMES.filter((name) => !file.vocabulary.statistics.includes(name));
  if (missing.length > 0) throw new Error(`Reference population lacks statistics ${missing.join(', ')}: rebuild it`);
  const space = featureSpaceOf(file);
  return {
    vocabulary: vocabularyOf(file),
    space,
    habits: file.habits,
    writers: file.writers.map((w) => ({ id: w.id, vectors: styleVectors(expandWriter(w, file), space) })),
    calibration: file.calibration,
  };
}
