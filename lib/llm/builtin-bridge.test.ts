import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeLanguageModel } from '../../tests/support/fake-language-model';
import { bridgedLanguageModel, serveBuiltInModel, type BridgePort } from './builtin-bridge';
import { createChromeBuiltInClient, type BuiltInLanguageModel } from './chrome-builtin';
import { LlmError } from './errors';

type Listener = (message: unknown) => void;

/** Two connected ports, like `runtime.connect` between the worker and the offscreen document. */
function portPair(): [BridgePort, BridgePort] {
  const sides = [{ message: [] as Listener[], disconnect: [] as Array<() => void> }, { message: [] as Listener[], disconnect: [] as Array<() => void> }];
  let open = true;
  const port = (self: 0 | 1): BridgePort => ({
    postMessage: (message) => {
      // Structured clone, as runtime messaging does: nothing but data crosses.
      const copy = structuredClone(message);
      if (open) queueMicrotask(() => sides[1 - self]!.message.forEach((listener) => listener(copy)));
    },
    onMessage: { addListener: (listener) => void sides[self]!.message.push(listener) },
    onDisconnect: { addListener: (listener) => void sides[self]!.disconnect.push(listener) },
    disconnect: () => {
      if (!open) return;
      open = false;
      queueMicrotask(() => sides[1 - self]!.disconnect.forEach((listener) => listener()));
    },
  });
  return [port(0), port(1)];
}

/** The worker's view of a model that lives in the "offscreen document". */
function throughBridge(model: BuiltInLanguageModel | null) {
  let connections = 0;
  const bridged = bridgedLanguageModel(async () => {
    connections++;
    const [worker, offscreen] = portPair();
    serveBuiltInModel(offscreen, model);
    return worker;
  });
  return { bridged, connections: () => connections };
}

const schema = z.object({ greeting: z.string().min(1) });
const messages = [
  { role: 'system' as const, content: 'You greet people.' },
  { role: 'user' as const, content: 'Greet Ana.' },
];

describe('the on-device model reached from the service worker through the offscreen document', () => {
  it('reports availability, and unavailable where the document has no model', async () => {
    expect(await throughBridge(fakeLanguageModel('downloadable').api).bridged.availability()).toBe('downloadable');
    expect(await throughBridge(null).bridged.availability()).toBe('unavailable');
  });

  it('answers structured requests with the schema constraint, repairing once, and closes the session', async () => {
    const fake = fakeLanguageModel('available', ['{"greeting":""}', '{"greeting":"Hi Ana"}']);
    const { bridged, connections } = throughBridge(fake.api);
    const result = await createChromeBuiltInClient(bridged).completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 });
    expect(result).toMatchObject({ value: { greeting: 'Hi Ana' }, repaired: true });
    expect(fake.calls[0]!.options?.responseConstraint).toMatchObject({ type: 'object', required: ['greeting'] });
    expect(fake.calls[0]!.initialPrompts[0]!.content).toContain('You greet people.');
    expect(result.usage.promptTokens).toBeGreaterThan(50);
    // availability, then one session for the request
    expect(connections()).toBe(2);
    await expect.poll(() => fake.destroyed).toEqual([1]);
  });

  it('streams text, and stops the model’s stream when cancelled', async () => {
    const fake = fakeLanguageModel('available', ['Hi Ana, see you at 3pm.', 'one two three four five six']);
    const client = createChromeBuiltInClient(throughBridge(fake.api).bridged);
    let text = '';
    for await (const piece of client.streamText({ messages, maxTokens: 200 })) text += piece;
    expect(text).toBe('Hi Ana, see you at 3pm.');

    const cancel = new AbortController();
    const received: string[] = [];
    const error = await (async () => {
      for await (const piece of client.streamText({ messages, maxTokens: 200, signal: cancel.signal })) {
        received.push(piece);
        cancel.abort();
      }
    })().catch((caught: unknown) => caught);
    expect((error as LlmError).code).toBe('cancelled');
    expect(received).toEqual(['one ']);
  });

  it('carries the model’s own errors across, so the advice stays specific', async () => {
    const fake = fakeLanguageModel('available', [new DOMException('Input too large', 'QuotaExceededError')]);
    const error = await createChromeBuiltInClient(throughBridge(fake.api).bridged)
      .completeStructured({ messages, schema, schemaName: 'greeting', maxTokens: 200 })
      .then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe('context-too-long');
  });
});
