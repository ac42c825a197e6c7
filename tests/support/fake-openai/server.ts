import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatView } from './chat-view';
import { DIALECTS } from './dialects';
import { type ApiError, invalidRequest, notFound, unauthorized } from './errors';
import { answerPreflight, applyCors, readBody, sendApiError, sendJson } from './http';
import { isRecord } from './is-record';
import { playResponder } from './play-reply';
import type { ChatRequest, FakeOpenAI, FakeOpenAIOptions, RecordedRequest, Responder } from './types';
import { validateChatRequest } from './validate-request';

const CHAT_PATH = '/v1/chat/completions';
const DEFAULT_MODELS = ['fake-model', 'fake-model-large'];
const DEFAULT_WAIT_MS = 5000;

const NO_SCRIPTED_REPLY: Responder = {
  error: {
    status: 500,
    message: 'fake-openai: no scripted reply for this chat completion; call script() or setDefault() in the test.',
    type: 'server_error',
    code: 'no_scripted_reply',
    // Otherwise the openai client retries a 500 twice with back-off before the test sees the failure.
    headers: { 'x-should-retry': 'false' },
  },
};

const INVALID_JSON = invalidRequest(
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
);

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isChatRequest(request: RecordedRequest): request is ChatRequest {
  return request.chat !== undefined;
}

function modelObject(id: string) {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'fake-openai' };
}

const SAMPLER_FAILURE = invalidRequest('Failed to initialize samplers: std::exception');

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? DEFAULT_MODELS;
  const dialect = DIALECTS[options.dialect ?? 'openai'];
  const contextTokens = options.contextTokens ?? 4096;
  const sendError = (res: ServerResponse, error: ApiError) => sendApiError(res, dialect, error);
  const requests: RecordedRequest[] = [];
  const queue: Responder[] = [];
  let fallback = NO_SCRIPTED_REPLY;
  let requestCount = 0;
  const inFlight = new Map<AbortController, ServerResponse>();
  const arrivalListeners = new Set<() => void>();

  const chatRequests = () => requests.filter(isChatRequest);

  function authError(req: IncomingMessage): ApiError | undefined {
    if (options.apiKey === undefined) return undefined;
    const header = req.headers.authorization;
    if (!header) {
      return unauthorized(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
    }
    const key = /^Bearer (.*)$/i.exec(header)?.[1] ?? '';
    return key === options.apiKey ? undefined : unauthorized(`Incorrect API key provided: ${key}.`);
  }

  async function answerChat(request: ChatRequest, parsed: boolean, res: ServerResponse, id: number, controller: AbortController): Promise<void> {
    const invalid = parsed ? validateChatRequest(request.body) : INVALID_JSON;
    if (invalid) return sendError(res, invalid);
    const { model } = request.chat;
    if (options.strictModels && !dialect.acceptsAnyModel && !models.includes(model)) {
      return sendError(res, notFound(`The model \`${model}\` does not exist or you do not have access to it.`, 'model_not_found'));
    }
    if (options.chatTemplate === false && request.chat.responseFormat?.type === 'json_schema') return sendError(res, SAMPLER_FAILURE);
    if (controller.signal.aborted) return;
    inFlight.set(controller, res);
    await playResponder(queue.shift() ?? fallback, {
      request,
      res,
      signal: controller.signal,
      completionId: `chatcmpl-fake${id}`,
      dialect,
      contextTokens,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = ++requestCount;
    res.setHeader('x-request-id', `req_fake_${id}`);
    applyCors(res);
    // Registered before the body is read so that an early client abort is not missed.
    const controller = new AbortController();
    res.on('close', () => {
      controller.abort();
      inFlight.delete(controller);
    });
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const rawBody = await readBody(req);
    const parsed = rawBody === '' ? { ok: false as const } : parseJson(rawBody);
    const body = parsed.ok ? parsed.value : undefined;
    const isChat = method === 'POST' && path === CHAT_PATH;
    const request: RecordedRequest = {
      method,
      path,
      headers: flattenHeaders(req.headers),
      rawBody,
      body,
      ...(isChat ? { chat: chatView(isRecord(body) ? body : {}) } : {}),
    };
    requests.push(request);
    options.onRequest?.(request);
    for (const listener of arrivalListeners) listener();

    if (method === 'OPTIONS') return answerPreflight(req, res);
    const authFailure = authError(req);
    if (authFailure) return sendError(res, authFailure);
    if (isChatRequest(request)) return answerChat(request, parsed.ok, res, id, controller);
    if (method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, dialect.modelsBody(models, contextTokens));
    }
    const native = dialect.native?.(method, path, body, models, contextTokens);
    if (native) return sendJson(res, native.status, native.body);
    const modelId = method === 'GET' ? /^\/v1\/models\/([^/]+)$/.exec(path)?.[1] : undefined;
    if (modelId !== undefined) {
      const wanted = decodeURIComponent(modelId);
      return models.includes(wanted)
        ? sendJson(res, 200, modelObject(wanted))
        : sendError(res, notFound(`The model '${wanted}' does not exist`, 'model_not_found'));
    }
    sendError(res, notFound(`Invalid URL (${method} ${path})`));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendError(res, { status: 500, message: `fake-openai: ${message}`, type: 'server_error', param: null, code: null });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  function cutInFlight(): void {
    for (const [controller, res] of inFlight) {
      controller.abort();
      res.destroy();
    }
    inFlight.clear();
  }

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    get requests() {
      return requests;
    },
    get chatRequests() {
      return chatRequests();
    },
    script(...responders) {
      queue.push(...responders);
    },
    setDefault(responder) {
      fallback = responder;
    },
    waitForRequests(n, { timeoutMs = DEFAULT_WAIT_MS } = {}) {
      const arrived = chatRequests();
      if (arrived.length >= n) return Promise.resolve(arrived.slice(0, n));
      return new Promise((resolve, reject) => {
        const onArrival = () => {
          const chats = chatRequests();
          if (chats.length < n) return;
          stop();
          resolve(chats.slice(0, n));
        };
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`fake-openai: expected ${n} chat completion request(s) within ${timeoutMs} ms, got ${chatRequests().length}.`));
        }, timeoutMs);
        const stop = () => {
          clearTimeout(timer);
          arrivalListeners.delete(onArrival);
        };
        arrivalListeners.add(onArrival);
      });
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
      fallback = NO_SCRIPTED_REPLY;
      cutInFlight();
    },
    close() {
      cutInFlight();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
