import type { ServerResponse } from 'node:http';
import { type CompletionIdentity, chatCompletion, completionChunk } from './completion';
import { scriptedErrorDefaults } from './errors';
import { sendApiError, sendJson } from './http';
import { DONE_EVENT, SSE_HEADERS, sseEvent, streamEvents } from './sse';
import type { Dialect } from './dialects';
import type { ChatRequest, ErrorReply, FinishReason, PacedReply, Responder } from './types';

export interface ReplyContext {
  request: ChatRequest;
  res: ServerResponse;
  /** Aborted when the client goes away or the fake is reset or closed. */
  signal: AbortSignal;
  completionId: string;
  dialect: Dialect;
  contextTokens: number;
}

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function identityOf(ctx: ReplyContext): CompletionIdentity {
  return { id: ctx.completionId, created: Math.floor(Date.now() / 1000), model: ctx.request.chat.model };
}

function sendScriptedError(res: ServerResponse, error: ErrorReply, dialect: Dialect): void {
  if (error.body !== undefined) {
    res.writeHead(error.status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(error.body)),
      ...error.headers,
    });
    res.end(error.body);
    return;
  }
  const defaults = scriptedErrorDefaults(error.status);
  sendApiError(res, dialect, {
    status: error.status,
    message: error.message ?? defaults.message,
    type: error.type ?? defaults.type,
    param: error.param ?? null,
    code: error.code ?? defaults.code,
    headers: error.headers,
  });
}

function sendContent(ctx: ReplyContext, content: string, finishReason: FinishReason): void {
  const { chat } = ctx.request;
  if (chat.stream) {
    ctx.res.writeHead(200, SSE_HEADERS);
    for (const event of streamEvents(identityOf(ctx), chat, content, finishReason)) ctx.res.write(event);
    ctx.res.end();
  } else {
    sendJson(ctx.res, 200, chatCompletion(identityOf(ctx), chat, content, finishReason));
  }
}

/** The first events of a stream, then the server's in-band error, then the end (no [DONE]). */
function sendStreamError(ctx: ReplyContext, content: string, message: string): void {
  const events = streamEvents(identityOf(ctx), ctx.request.chat, content, 'stop');
  ctx.res.writeHead(200, SSE_HEADERS);
  // Role and content deltas only: the finish delta, usage and [DONE] never come.
  for (const event of events.slice(0, -2 - (ctx.request.chat.includeUsage ? 1 : 0))) ctx.res.write(event);
  ctx.res.end(ctx.dialect.streamErrorEvent(message));
}

/** Sends about half of a well-formed reply, then drops the connection. */
function sendCut(ctx: ReplyContext, content: string): void {
  const { chat } = ctx.request;
  const identity = identityOf(ctx);
  let partial: Buffer;
  if (chat.stream) {
    const events = streamEvents(identity, chat, content, 'stop');
    partial = Buffer.from(events.slice(0, Math.max(1, Math.floor(events.length / 2))).join(''));
    ctx.res.writeHead(200, SSE_HEADERS);
  } else {
    const whole = Buffer.from(JSON.stringify(chatCompletion(identity, chat, content, 'stop')));
    partial = whole.subarray(0, Math.floor(whole.length / 2));
    // Announcing the full length makes the short body a detectable truncation, not a complete reply.
    ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(whole.length) });
  }
  ctx.res.write(partial, () => ctx.res.destroy());
}

async function sendPaced(ctx: ReplyContext, reply: PacedReply): Promise<void> {
  const { chat } = ctx.request;
  const finishReason = reply.finishReason === undefined ? 'stop' : reply.finishReason;
  if (!chat.stream) {
    for (const piece of reply.paced) if (!(await sleepUnlessAborted(piece.afterMs, ctx.signal))) return;
    sendJson(ctx.res, 200, chatCompletion(identityOf(ctx), chat, reply.paced.map((piece) => piece.content).join(''), finishReason ?? 'stop'));
    return;
  }
  const identity = identityOf(ctx);
  ctx.res.writeHead(200, SSE_HEADERS);
  ctx.res.write(sseEvent(completionChunk(identity, chat, { index: 0, delta: { role: 'assistant', content: '', refusal: null }, finishReason: null })));
  for (const piece of reply.paced) {
    if (!(await sleepUnlessAborted(piece.afterMs, ctx.signal))) return;
    ctx.res.write(sseEvent(completionChunk(identity, chat, { index: 0, delta: { content: piece.content }, finishReason: null })));
  }
  if (finishReason !== null) ctx.res.write(sseEvent(completionChunk(identity, chat, { index: 0, delta: {}, finishReason })));
  if (reply.end === 'cut') {
    // Destroying at once would drop what is still buffered; the client must see what was sent.
    ctx.res.write('', () => ctx.res.destroy());
    return;
  }
  ctx.res.end(reply.end === 'no-done' ? undefined : DONE_EVENT);
}

export async function playResponder(responder: Responder, ctx: ReplyContext): Promise<void> {
  const reply = typeof responder === 'function' ? await responder(ctx.request) : responder;
  if (ctx.signal.aborted) return;
  if ('delayMs' in reply) {
    if (await sleepUnlessAborted(reply.delayMs, ctx.signal)) await playResponder(reply.then, ctx);
    return;
  }
  if ('hang' in reply) return untilAborted(ctx.signal);
  if ('error' in reply) return sendScriptedError(ctx.res, reply.error, ctx.dialect);
  if ('contextExceeded' in reply) {
    const answer = ctx.dialect.contextError?.(ctx.contextTokens + 100, ctx.contextTokens);
    if (!answer) throw new Error(`fake-openai: ${ctx.dialect.name} refuses no prompt for its length (it truncates)`);
    return sendJson(ctx.res, answer.status, answer.body);
  }
  if ('slotsExhausted' in reply) {
    if (!ctx.dialect.slotExhaustion) throw new Error(`fake-openai: ${ctx.dialect.name} has no shared-slot context error`);
    return sendJson(ctx.res, ctx.dialect.slotExhaustion.status, ctx.dialect.slotExhaustion.body);
  }
  if ('streamError' in reply) return sendStreamError(ctx, reply.after, reply.streamError);
  if ('malformed' in reply) {
    ctx.res.writeHead(200, ctx.request.chat.stream ? SSE_HEADERS : { 'content-type': 'application/json' });
    ctx.res.end(reply.malformed);
    return;
  }
  if ('cut' in reply) return sendCut(ctx, reply.content);
  if ('paced' in reply) return sendPaced(ctx, reply);
  if ('json' in reply) return sendContent(ctx, JSON.stringify(reply.json), 'stop');
  sendContent(ctx, reply.content, reply.finishReason ?? 'stop');
}
