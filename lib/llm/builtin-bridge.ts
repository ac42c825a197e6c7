import { z } from 'zod';
import { builtInAvailability, type BuiltInAvailability, type BuiltInLanguageModel, type BuiltInPromptOptions, type BuiltInSession } from './chrome-builtin';

/**
 * Chrome exposes its on-device model (`LanguageModel`) to documents, not to the MV3 service
 * worker. So the model lives in an offscreen document and the worker reaches it over a runtime
 * port, through a stand-in with the same shape as `LanguageModel`: the client above cannot tell.
 * One port per session; closing the port destroys the session.
 */
export const BUILT_IN_PORT_NAME = 'idiolect-built-in-model';

/** The slice of a runtime port the bridge needs; a real `Browser.runtime.Port` fits it. */
export interface BridgePort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

const messageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

const requestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('availability') }),
  z.object({ op: z.literal('create'), initialPrompts: z.array(messageSchema) }),
  z.object({ op: z.literal('prompt'), id: z.number(), input: z.string(), responseConstraint: z.record(z.string(), z.unknown()).nullable() }),
  z.object({ op: z.literal('stream'), id: z.number(), input: z.string() }),
  z.object({ op: z.literal('measure'), id: z.number(), input: z.string() }),
  z.object({ op: z.literal('abort'), id: z.number() }),
]);
type BridgeRequest = z.infer<typeof requestSchema>;

const replySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('availability'), value: z.enum(['unavailable', 'downloadable', 'downloading', 'available']) }),
  z.object({ op: z.literal('created'), contextUsage: z.number().nullable(), contextWindow: z.number().nullable() }),
  z.object({ op: z.literal('result'), id: z.number(), text: z.string() }),
  z.object({ op: z.literal('measured'), id: z.number(), value: z.number() }),
  z.object({ op: z.literal('chunk'), id: z.number(), text: z.string() }),
  z.object({ op: z.literal('end'), id: z.number() }),
  z.object({ op: z.literal('error'), id: z.number().nullable(), name: z.string(), message: z.string() }),
]);
type BridgeReply = z.infer<typeof replySchema>;

function errorReply(id: number | null, error: unknown): BridgeReply {
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  return { op: 'error', id, name, message: error instanceof Error || error instanceof DOMException ? error.message : String(error) };
}

/** The offscreen document's side: answers one port with the real `LanguageModel`. */
export function serveBuiltInModel(port: BridgePort, model: BuiltInLanguageModel | null): void {
  let session: BuiltInSession | null = null;
  const running = new Map<number, AbortController>();
  const reply = (message: BridgeReply) => port.postMessage(message);

  async function handle(request: BridgeRequest): Promise<void> {
    if (request.op === 'availability') return reply({ op: 'availability', value: await builtInAvailability(model) });
    if (request.op === 'create') {
      if (!model) return reply(errorReply(null, new DOMException('This browser has no on-device model.', 'NotSupportedError')));
      session?.destroy();
      session = await model.create({ initialPrompts: request.initialPrompts });
      return reply({ op: 'created', contextUsage: session.contextUsage ?? session.inputUsage ?? null, contextWindow: session.contextWindow ?? session.inputQuota ?? null });
    }
    if (request.op === 'abort') return running.get(request.id)?.abort();
    if (!session) return reply(errorReply(request.id, new DOMException('No session.', 'InvalidStateError')));
    const controller = new AbortController();
    running.set(request.id, controller);
    try {
      if (request.op === 'measure') {
        const measure = session.measureContextUsage ?? session.measureInputUsage;
        const value = measure ? await measure.call(session, request.input) : Math.ceil(request.input.length / 4);
        return reply({ op: 'measured', id: request.id, value });
      }
      if (request.op === 'prompt') {
        const options: BuiltInPromptOptions = { signal: controller.signal, ...(request.responseConstraint ? { responseConstraint: request.responseConstraint } : {}) };
        return reply({ op: 'result', id: request.id, text: await session.prompt(request.input, options) });
      }
      const reader = session.promptStreaming(request.input, { signal: controller.signal }).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value) reply({ op: 'chunk', id: request.id, text: value });
      }
      reply({ op: 'end', id: request.id });
    } finally {
      running.delete(request.id);
    }
  }

  port.onMessage.addListener((raw) => {
    const request = requestSchema.safeParse(raw);
    if (!request.success) return;
    const id = 'id' in request.data ? request.data.id : null;
    handle(request.data).catch((error: unknown) => reply(errorReply(id, error)));
  });
  port.onDisconnect.addListener(() => {
    for (const controller of running.values()) controller.abort();
    session?.destroy();
    session = null;
  });
}

/** Rebuilds the error the model raised, by name, so the client's advice ("too long", "not allowed") still applies. */
function rebuild(reply: Extract<BridgeReply, { op: 'error' }>): Error {
  return new DOMException(reply.message, reply.name) as unknown as Error;
}

/** Routes a port's replies to whoever is waiting for them. */
function portClient(port: BridgePort) {
  const waiting = new Map<number | 'session', (reply: BridgeReply) => void>();
  let closed: Error | null = null;
  port.onMessage.addListener((raw) => {
    const reply = replySchema.safeParse(raw);
    if (!reply.success) return;
    const key = 'id' in reply.data && reply.data.id !== null ? reply.data.id : 'session';
    waiting.get(key)?.(reply.data);
  });
  port.onDisconnect.addListener(() => {
    closed = new DOMException('The on-device model’s page closed.', 'AbortError') as unknown as Error;
    const error: BridgeReply = { op: 'error', id: null, name: 'AbortError', message: closed.message };
    for (const listener of waiting.values()) listener(error);
    waiting.clear();
  });
  return {
    listen(key: number | 'session', listener: (reply: BridgeReply) => void) {
      if (closed) return listener({ op: 'error', id: null, name: 'AbortError', message: closed.message });
      waiting.set(key, listener);
    },
    stop(key: number | 'session') {
      waiting.delete(key);
    },
    send(request: BridgeRequest) {
      if (!closed) port.postMessage(request);
    },
  };
}

function once<T>(client: ReturnType<typeof portClient>, key: number | 'session', request: BridgeRequest, pick: (reply: BridgeReply) => T | undefined, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      client.send({ op: 'abort', id: key as number });
      client.stop(key);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    client.listen(key, (reply) => {
      signal?.removeEventListener('abort', onAbort);
      client.stop(key);
      if (reply.op === 'error') return reject(rebuild(reply));
      const value = pick(reply);
      if (value === undefined) reject(new Error(`Unexpected answer from the on-device model’s page: ${reply.op}`));
      else resolve(value);
    });
    client.send(request);
  });
}

/** The worker's side: a `LanguageModel` look-alike whose sessions live behind `connect()`. */
export function bridgedLanguageModel(connect: () => Promise<BridgePort>): BuiltInLanguageModel {
  return {
    async availability(): Promise<BuiltInAvailability> {
      const port = await connect();
      try {
        return await once(portClient(port), 'session', { op: 'availability' }, (reply) => (reply.op === 'availability' ? reply.value : undefined));
      } finally {
        port.disconnect();
      }
    },
    async create(options) {
      const port = await connect();
      const client = portClient(port);
      let nextId = 0;
      const created = await once(client, 'session', { op: 'create', initialPrompts: options?.initialPrompts ?? [] }, (reply) =>
        reply.op === 'created' ? reply : undefined,
      ).catch((error: unknown) => {
        port.disconnect();
        throw error;
      });
      const session: BuiltInSession = {
        ...(created.contextUsage !== null ? { contextUsage: created.contextUsage } : {}),
        ...(created.contextWindow !== null ? { contextWindow: created.contextWindow } : {}),
        prompt(input, promptOptions) {
          const id = ++nextId;
          const request: BridgeRequest = { op: 'prompt', id, input, responseConstraint: promptOptions?.responseConstraint ?? null };
          return once(client, id, request, (reply) => (reply.op === 'result' ? reply.text : undefined), promptOptions?.signal);
        },
        measureContextUsage(input) {
          const id = ++nextId;
          return once(client, id, { op: 'measure', id, input }, (reply) => (reply.op === 'measured' ? reply.value : undefined));
        },
        promptStreaming(input, promptOptions) {
          const id = ++nextId;
          const signal = promptOptions?.signal;
          return new ReadableStream<string>({
            start(controller) {
              const onAbort = () => {
                client.send({ op: 'abort', id });
                client.stop(id);
                controller.error(new DOMException('Aborted', 'AbortError'));
              };
              signal?.addEventListener('abort', onAbort, { once: true });
              client.listen(id, (reply) => {
                if (reply.op === 'chunk') return controller.enqueue(reply.text);
                signal?.removeEventListener('abort', onAbort);
                client.stop(id);
                if (reply.op === 'end') controller.close();
                else if (reply.op === 'error') controller.error(rebuild(reply));
              });
              client.send({ op: 'stream', id, input });
            },
            cancel() {
              client.send({ op: 'abort', id });
              client.stop(id);
            },
          });
        },
        destroy() {
          port.disconnect();
        },
      };
      if (options?.signal?.aborted) {
        session.destroy();
        throw new DOMException('Aborted', 'AbortError');
      }
      return session;
    },
  };
}
