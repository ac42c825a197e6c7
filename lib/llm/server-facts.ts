import { z } from 'zod';
import { type ServerKind, serverRootOf } from './server-kind';

/*
 * What a local server tells about itself beyond the OpenAI API. Every answer is validated; a
 * server that does not answer, or answers something else, tells nothing (null / []), and the
 * caller keeps its own default. Where each shape comes from:
 * - llama.cpp: `GET /v1/models` lists `data[].meta.n_ctx` (seen on the llama-server build in
 *   ../shared/llama, whose README records it; the model id there is the .gguf path).
 * - Ollama: `GET /api/ps` lists running models (ollama docs/api.md, "List Running Models"); newer
 *   versions add each one's `context_length`, the CONTEXT column of `ollama ps`
 *   (docs/context-length.mdx). `POST /api/show` returns `parameters`, where a Modelfile's
 *   `num_ctx` appears, and `GET /api/tags` lists installed models (docs/api.md).
 * - LM Studio: `GET /api/v1/models` lists `models[].key` with `loaded_instances[].config.context_length`
 *   (lmstudio-ai/docs, 0_app/4_api/2_rest/list.md).
 */

const positiveInt = z.number().int().positive();

const llamaModelsSchema = z.object({
  data: z.array(z.object({ id: z.string(), meta: z.object({ n_ctx: positiveInt }).partial().nullish() })),
});

const ollamaPsSchema = z.object({
  models: z.array(z.object({ name: z.string(), model: z.string().optional(), context_length: positiveInt.optional() })),
});
const ollamaShowSchema = z.object({ parameters: z.string().optional() });
const ollamaTagsSchema = z.object({ models: z.array(z.object({ name: z.string() })) });

const lmStudioModelsSchema = z.object({
  models: z.array(
    z.object({
      key: z.string(),
      loaded_instances: z.array(z.object({ id: z.string(), config: z.object({ context_length: positiveInt }).partial() })).optional(),
    }),
  ),
});

export interface ServerQuery {
  kind: ServerKind;
  baseURL: string;
  model: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
}

const TIMEOUT_MS = 5_000;

async function getJson<T>(query: ServerQuery, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T | null> {
  const signal = query.signal ? AbortSignal.any([query.signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS);
  try {
    const response = await query.fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      signal,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) return null;
    const parsed = schema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Ollama names a model `name:tag`; `llama3.1` means `llama3.1:latest`. */
function sameOllamaModel(listed: string, wanted: string): boolean {
  return listed === wanted || listed === `${wanted}:latest`;
}

async function llamaCppContext(query: ServerQuery): Promise<number | null> {
  const models = await getJson(query, `${query.baseURL}/models`, llamaModelsSchema);
  if (!models) return null;
  // llama-server answers whatever model name it is sent with the one model it runs.
  const entry = models.data.find((model) => model.id === query.model) ?? (models.data.length === 1 ? models.data[0] : undefined);
  return entry?.meta?.n_ctx ?? null;
}

async function ollamaContext(query: ServerQuery): Promise<number | null> {
  const root = serverRootOf(query.baseURL);
  const running = await getJson(query, `${root}/api/ps`, ollamaPsSchema);
  const loaded = running?.models.find((model) => sameOllamaModel(model.name, query.model) || sameOllamaModel(model.model ?? '', query.model));
  if (loaded?.context_length) return loaded.context_length;
  const shown = await getJson(query, `${root}/api/show`, ollamaShowSchema, { model: query.model });
  const numCtx = /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(shown?.parameters ?? '')?.[1];
  return numCtx ? Number(numCtx) : null;
}

async function lmStudioContext(query: ServerQuery): Promise<number | null> {
  const listed = await getJson(query, `${serverRootOf(query.baseURL)}/api/v1/models`, lmStudioModelsSchema);
  const instances = listed?.models.flatMap((model) => (model.loaded_instances ?? []).map((instance) => ({ key: model.key, instance }))) ?? [];
  const loaded = instances.find(({ key, instance }) => instance.id === query.model || key === query.model);
  return loaded?.instance.config.context_length ?? null;
}

/** The context the server runs the model with, where it says; null where it does not. */
export function readServerContext(query: ServerQuery): Promise<number | null> {
  switch (query.kind) {
    case 'ollama':
      return ollamaContext(query);
    case 'lmstudio':
      return lmStudioContext(query);
    case 'openai':
      return Promise.resolve(null);
    default:
      return llamaCppContext(query);
  }
}

/** Models a server has installed but may not list through the OpenAI API (Ollama's `/api/tags`). */
export async function readInstalledModels(query: ServerQuery): Promise<string[]> {
  if (query.kind !== 'ollama') return [];
  const tags = await getJson(query, `${serverRootOf(query.baseURL)}/api/tags`, ollamaTagsSchema);
  return tags?.models.map((model) => model.name) ?? [];
}
