import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, openAnswerCache } from './cache';
import { createProgress } from './progress';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text) };
}

describe('createProgress', () => {
  it('redraws one bar in place on a terminal and clears it for notes', () => {
    const out = stream(true);
    const progress = createProgress(out, 4);
    progress.step('judge');
    progress.note('Skipped x');
    progress.step('judge');
    expect(out.chunks).toEqual([
      `\r\x1b[2K[${'█'.repeat(7)}${'░'.repeat(21)}]  25% 1/4 judge`,
      '\r\x1b[2K',
      'Skipped x\n',
      `\r\x1b[2K[${'█'.repeat(14)}${'░'.repeat(14)}]  50% 2/4 judge`,
    ]);
  });

  it('writes a plain line at the start and per tenth of the way when the output is not a terminal', () => {
    const out = stream(false);
    const progress = createProgress(out, 20);
    for (let i = 0; i < 20; i++) progress.step('generation');
    expect(out.chunks).toHaveLength(11);
    expect(out.chunks[0]).toBe('progress: 1/20 (5%) generation\n');
    expect(out.chunks.at(-1)).toBe('progress: 20/20 (100%) generation\n');
  });
});

describe('openAnswerCache', () => {
  it('keeps answers across openings and skips a line cut short by a killed run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'idiolect-cache-'));
    try {
      const path = join(dir, 'cache.jsonl');
      const key = cacheKey({ model: 'm', messages: [] });
      const first = await openAnswerCache(path);
      await first.put({ key, value: { text: 'hello' }, usage: { promptTokens: 3, completionTokens: 1 } });
      await appendFile(path, '{"key":"ab');
      const second = await openAnswerCache(path);
      expect(second.get(key)).toEqual({ key, value: { text: 'hello' }, usage: { promptTokens: 3, completionTokens: 1 } });
      expect(second.unreadableLines).toBe(1);
      expect(cacheKey({ model: 'm', messages: [] })).toBe(key);
      expect(cacheKey({ model: 'n', messages: [] })).not.toBe(key);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
