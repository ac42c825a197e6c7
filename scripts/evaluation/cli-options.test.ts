import { expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

const base = ['--data', 'emails.jsonl', '--model', 'm'];

it('runs one call at a time against this machine’s own server, whose slots share one context, and several against a hosted API', () => {
  expect(parseCliOptions([...base, '--base-url', 'http://127.0.0.1:8080/v1'], {})?.concurrency).toBe(1);
  expect(parseCliOptions([...base, '--base-url', 'http://localhost:11434/v1'], {})?.concurrency).toBe(1);
  expect(parseCliOptions([...base, '--base-url', 'https://api.openai.com/v1'], {})?.concurrency).toBe(4);
  expect(parseCliOptions([...base, '--base-url', 'http://127.0.0.1:8080/v1', '--concurrency', '3'], {})?.concurrency).toBe(3);
});
