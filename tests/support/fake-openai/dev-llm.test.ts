import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

function printedBaseURL(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout?.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const url = /Base URL (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    process.once('exit', (code) => reject(new Error(`dev-llm exited with ${code} before printing its URL:\n${output}`)));
  });
}

describe('scripts/dev-llm.ts', () => {
  it('serves demo replies on the printed base URL and stops cleanly on SIGINT', { timeout: 20_000 }, async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-llm.ts', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const baseURL = await printedBaseURL(child);
    const client = new OpenAI({ baseURL, apiKey: 'anything', maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Rewrite this: <draft>See you soon</draft>' }],
    });
    expect(completion.choices[0]?.message.content).toBe('See you soon');
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
  });
});
