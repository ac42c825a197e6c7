import type { ApiError } from './errors';
import { errorBody } from './errors';

/**
 * How each real server differs from OpenAI on the wire, so the stand-in can speak as it does.
 * Every shape is taken from the server's own documentation or source, or from the real
 * llama-server in ../shared/llama; the comment at each says which.
 */
export type DialectName = 'openai' | 'llamacpp' | 'ollama' | 'lmstudio';

export interface NativeAnswer {
  status: number;
  body: unknown;
}

export interface Dialect {
  name: DialectName;
  /** GET /v1/models. */
  modelsBody(models: readonly string[], contextTokens: number): unknown;
  /** An error answer's JSON body. */
  errorBody(error: ApiError): unknown;
  /** The answer to a request for a prompt longer than the context, if the server sends one. */
  contextError?(promptTokens: number, contextTokens: number): NativeAnswer;
  /** The answer when parallel requests together overflow a shared context. */
  slotExhaustion?: NativeAnswer;
  /** One server-sent event carrying an error after the stream had started. */
  streamErrorEvent(message: string): string;
  /** Serves any model name with the one model it runs (strictModels does not apply). */
  acceptsAnyModel: boolean;
  /** The server's own API beside the OpenAI one (context size, installed models). */
  native?(method: string, path: string, body: unknown, models: readonly string[], contextTokens: number): NativeAnswer | undefined;
}

const created = 1_700_000_000;

/** OpenAI: https://platform.openai.com/docs/guides/error-codes; string `code`, `param` present (null when none). */
const openai: Dialect = {
  name: 'openai',
  modelsBody: (models) => ({ object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'fake-openai' })) }),
  errorBody,
  contextError: (promptTokens, contextTokens) => ({
    status: 400,
    body: errorBody({
      status: 400,
      message: `This model's maximum context length is ${contextTokens} tokens. However, your messages resulted in ${promptTokens} tokens. Please reduce the length of the messages.`,
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    }),
  }),
  streamErrorEvent: (message) => `data: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code: null } })}\n\n`,
  acceptsAnyModel: false,
};

/**
 * llama.cpp's llama-server: errors are `{ error: { code: <HTTP status as a number>, message, type } }`
 * without `param` (format_error_response in tools/server/server-common.cpp; seen on the real
 * server); `/v1/models` lists the .gguf path with `meta.n_ctx`; a prompt over the context is
 * `400 exceed_context_size_error` with `n_prompt_tokens` and `n_ctx`; parallel slots sharing one
 * context answer `500 "Context size has been exceeded."`; a failure mid-stream is an in-band
 * `data: {"error":…}` (all seen on ../shared/llama's llama-server, its README lists them).
 */
const llamacpp: Dialect = {
  name: 'llamacpp',
  modelsBody: (models, contextTokens) => ({
    models: models.map((name) => ({ name, model: name, type: 'model', capabilities: ['completion'] })),
    object: 'list',
    data: models.map((id) => ({
      id,
      aliases: [id],
      object: 'model',
      created,
      owned_by: 'llamacpp',
      meta: { vocab_type: 1, n_vocab: 32_000, n_ctx: contextTokens, n_ctx_train: contextTokens },
    })),
  }),
  errorBody: (error) => ({ error: { code: error.status, message: error.message, type: error.type } }),
  contextError: (promptTokens, contextTokens) => ({
    status: 400,
    body: {
      error: {
        code: 400,
        message: `request (${promptTokens} tokens) exceeds the available context size (${contextTokens} tokens), try increasing it`,
        type: 'exceed_context_size_error',
        n_prompt_tokens: promptTokens,
        n_ctx: contextTokens,
      },
    },
  }),
  slotExhaustion: { status: 500, body: { error: { code: 500, message: 'Context size has been exceeded.', type: 'server_error' } } },
  streamErrorEvent: (message) => `data: ${JSON.stringify({ error: { code: 500, message, type: 'server_error' } })}\n\n`,
  acceptsAnyModel: true,
  native: (method, path, _body, models, contextTokens) =>
    method === 'GET' && path === '/props'
      ? { status: 200, body: { total_slots: 4, model_path: models[0], default_generation_settings: { n_ctx: contextTokens } } }
      : undefined,
};

/** Ollama's name for a model without a tag is `name:latest`. */
function ollamaName(model: string): string {
  return model.includes(':') ? model : `${model}:latest`;
}

/**
 * Ollama's OpenAI layer: errors are `{ error: { message, type, param: null, code: null } }` with
 * type `invalid_request_error` (400), `not_found_error` (404) or `api_error` (openai/openai.go,
 * NewError). `/v1/models` is `/api/tags` converted (ToListCompletion). Native API: `/api/tags`,
 * `/api/ps` with `context_length` (docs/api.md; docs/context-length.mdx), `/api/show` with
 * `parameters`. A prompt over num_ctx is truncated rather than refused (docs/context-length.mdx),
 * so there is no context error to mimic.
 */
const ollama: Dialect = {
  name: 'ollama',
  modelsBody: (models) => ({ object: 'list', data: models.map((id) => ({ id: ollamaName(id), object: 'model', created, owned_by: 'library' })) }),
  errorBody: (error) => ({
    error: {
      message: error.message,
      type: error.status === 400 ? 'invalid_request_error' : error.status === 404 ? 'not_found_error' : 'api_error',
      param: null,
      code: null,
    },
  }),
  streamErrorEvent: (message) => `data: ${JSON.stringify({ error: { message, type: 'api_error', param: null, code: null } })}\n\n`,
  acceptsAnyModel: false,
  native: (method, path, body, models, contextTokens) => {
    if (method === 'GET' && path === '/api/tags') return { status: 200, body: { models: models.map((name) => ({ name: ollamaName(name), model: ollamaName(name) })) } };
    if (method === 'GET' && path === '/api/ps') {
      return { status: 200, body: { models: models.slice(0, 1).map((name) => ({ name: ollamaName(name), model: ollamaName(name), context_length: contextTokens })) } };
    }
    if (method === 'POST' && path === '/api/show') {
      const wanted = (body as { model?: string } | undefined)?.model ?? '';
      return models.some((name) => ollamaName(name) === ollamaName(wanted))
        ? { status: 200, body: { parameters: `num_ctx                        ${contextTokens}\nstop                           "<|eot_id|>"` } }
        : { status: 404, body: { error: `model '${wanted}' not found` } };
    }
    return undefined;
  },
};

/**
 * LM Studio: `/v1/models` as OpenAI's; its own `/api/v1/models` lists `key` and
 * `loaded_instances[].config.context_length` (lmstudio-ai/docs 0_app/4_api/2_rest/list.md). A
 * prompt over the loaded context is refused with the error as a plain string, e.g. "Trying to keep
 * the first … tokens when context the overflows. However, the model is loaded with context length
 * of only … tokens" (lmstudio-ai/lmstudio-bug-tracker #237, #546).
 */
const lmstudio: Dialect = {
  name: 'lmstudio',
  modelsBody: (models) => ({ object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'organization_owner' })) }),
  errorBody: (error) => ({ error: error.message }),
  contextError: (promptTokens, contextTokens) => ({
    status: 400,
    body: {
      error: `Trying to keep the first ${promptTokens} tokens when context the overflows. However, the model is loaded with context length of only ${contextTokens} tokens, which is not enough. Try to load the model with a larger context length, or provide a shorter input`,
    },
  }),
  streamErrorEvent: (message) => `data: ${JSON.stringify({ error: message })}\n\n`,
  acceptsAnyModel: false,
  native: (method, path, _body, models, contextTokens) =>
    method === 'GET' && path === '/api/v1/models'
      ? {
          status: 200,
          body: {
            models: models.map((key, index) => ({
              type: 'llm',
              key,
              display_name: key,
              loaded_instances: index === 0 ? [{ id: key, config: { context_length: contextTokens } }] : [],
              max_context_length: 131_072,
            })),
          },
        }
      : undefined,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { openai, llamacpp, ollama, lmstudio };
