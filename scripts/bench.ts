/**
 * `npm run bench [-- name…] [--json]`: runs every benchmark section in scripts/bench/ (or the
 * named ones, such as `popup`, a part of `extension` run alone) and prints a table for each. With `--json`, the last line is one JSON object: the
 * machine, every named figure (a median of several runs in this process) and whether it meets
 * its target (scripts/bench/targets.ts). Add a section by adding a module that exports `section`.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkTargets } from './bench/targets';
import type { BenchRow, BenchSection } from './bench/types';

const SECTIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');

async function loadSections(): Promise<BenchSection[]> {
  const files = (await readdir(SECTIONS_DIR)).filter((file) => /\.ts$/.test(file) && !/^(types|targets)\.ts$|\.test\.ts$/.test(file)).sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(SECTIONS_DIR, file)).href)) as Record<string, unknown>;
    const exported = [module.section, ...Object.entries(module).filter(([name]) => name.endsWith('Section')).map(([, value]) => value)];
    sections.push(...exported.filter((value): value is BenchSection => typeof value === 'object' && value !== null && 'run' in value));
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

function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--json');
  const sections = (await loadSections()).filter((section) => (wanted.length === 0 ? !section.partOf : wanted.includes(section.name)));
  if (sections.length === 0) throw new Error(`No benchmark section named ${wanted.join(', ')}.`);
  const metrics: Record<string, number> = {};
  for (const section of sections) {
    const started = performance.now();
    const rows = await section.run();
    for (const row of rows) if (row.metric) metrics[row.metric.name] = row.metric.value;
    console.log(`\n## ${section.title} (${section.name}, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    console.log(formatTable(rows));
  }
  const targets = checkTargets(metrics);
  const unmet = Object.entries(targets).filter(([, check]) => !check.met);
  console.log(`\n## Targets\n\n${formatTable(Object.entries(targets).map(([name, check]) => ({ measure: name, value: metrics[name]!, note: `${check.target}: ${check.met ? 'met' : 'NOT MET'}` })))}`);
  if (unmet.length > 0) console.log(`\n${unmet.length} target(s) not met: ${unmet.map(([name]) => name).join(', ')}`);
  if (json) console.log(JSON.stringify({ machine: machine(), metrics, targets }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
