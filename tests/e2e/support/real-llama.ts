import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/llama` beside the repository (read-only in CI): resolved from the repo root, not the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const LLAMA_DIR = path.resolve(REPO_ROOT, '../shared/llama');
const BINARY = path.join(LLAMA_DIR, 'llama-server');
const MODEL = path.join(LLAMA_DIR, 'llama-2-tiny-random.gguf');

/** Why the real server cannot run here (missing file or library, another CPU), or null when it can. */
export function whyLlamaServerCannotRun(): string | null {
  if (!existsSync(BINARY) || !existsSync(MODEL)) return `${LLAMA_DIR} has no llama-server or model`;
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return `llama-server does not start (${probe.error.message})`;
  if (probe.status !== 0) return `llama-server --version exited ${probe.status ?? probe.signal}: ${(probe.stderr || probe.stdout).trim().split('\n').at(-1)}`;
  return null;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RealLlama {
  baseURL: string;
  /** What /v1/models lists: the path of the .gguf. */
  modelId: string;
  close(): Promise<void>;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts llama-server on loopback as ../shared/llama/README.md says (with its chat template, or
 * without one as `llama-server -m model.gguf` is usually started), ready once /health answers 200.
 */
export async function startRealLlama(options: { chatTemplate: boolean }): Promise<RealLlama> {
  const port = await freeLoopbackPort();
  const logitBias = readFileSync(path.join(LLAMA_DIR, 'logit-bias.args'), 'utf8').trim().split(/\s+/);
  const args = ['-m', MODEL, '--host', '127.0.0.1', '--port', String(port), '-c', '4096', '-t', '2', ...logitBias];
  if (options.chatTemplate) args.push('--chat-template-file', path.join(LLAMA_DIR, 'llama2-chat.jinja'));
  const child = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000)));
  const root = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await healthy(`${root}/health`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`llama-server did not become ready on ${root}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const models = (await (await fetch(`${root}/v1/models`)).json()) as { data: Array<{ id: string }> };
  return {
    baseURL: `${root}/v1`,
    modelId: models.data[0]!.id,
    async close() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
