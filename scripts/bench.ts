/**
 * `npm run bench [-- name…]`: runs every benchmark section in scripts/bench/ (or the named ones)
 * and prints a table for each. Add a section by adding a module there that exports `section`.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchSection } from './bench/types';

const SECTIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');

async function loadSections(): Promise<BenchSection[]> {
  const files = (await readdir(SECTIONS_DIR)).filter((file) => /\.ts$/.test(file) && !/^types\.ts$|\.test\.ts$/.test(file)).sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(SECTIONS_DIR, file)).href)) as { section?: BenchSection };
    if (module.section) sections.push(module.section);
  }
  return sections;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [row.measure, typeof row.value === 'number' ? row.value.toLocaleString('en-US') : row.value, row.note ?? '']);
  const header = ['measure', 'value', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => `| ${cell.map((text, column) => (column === 1 ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, column) => (column === 1 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`, ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const sections = (await loadSections()).filter((section) => wanted.length === 0 || wanted.includes(section.name));
  if (sections.length === 0) throw new Error(`No benchmark section named ${wanted.join(', ')}.`);
  for (const section of sections) {
    const started = performance.now();
    const rows = await section.run();
    console.log(`\n## ${section.title} (${section.name}, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    console.log(formatTable(rows));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
