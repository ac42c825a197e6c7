// A stand-in OpenAI-compatible model for trying Idiolect by hand, without a real LLM.
// Usage: npx tsx scripts/dev-llm.ts [--port 11435] [--print-load-hint]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoResponder, type RecordedRequest, startFakeOpenAI } from '../tests/support/fake-openai';

// Not Ollama's 11434, so both can run side by side.
const DEFAULT_PORT = 11435;
const MODEL = 'fake-model';

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got "${text}"`);
  return port;
}

function describe(request: RecordedRequest): string {
  const line = `${request.method} ${request.path}`;
  if (!request.chat) return line;
  const { model, stream, responseFormat } = request.chat;
  return `${line} model=${model} stream=${stream} format=${responseFormat?.type ?? 'text'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'print-load-hint': { type: 'boolean', default: false },
    },
  });
  const fake = await startFakeOpenAI({
    port: parsePort(values.port),
    models: [MODEL],
    onRequest: (request) => console.log(`${new Date().toISOString()} ${describe(request)}`),
  });
  fake.setDefault(demoResponder);

  console.log(`Fake LLM listening on ${fake.baseURL}`);
  console.log(`In Idiolect's options: Base URL ${fake.baseURL}, model "${MODEL}", any API key.`);
  if (values['print-load-hint']) {
    const extensionDir = resolve(fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url)));
    console.log(`Load the extension: chrome://extensions, Developer mode, "Load unpacked", pick ${extensionDir}`);
  }
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? 'That port is taken; choose another with --port <n>.' : error);
  process.exit(1);
});
