import { checkedCompletion } from './api-shapes';
import type OpenAI from 'openai';
import { APIError } from 'openai';
import type { EndpointDescription, LlmError } from './errors';
import type { ConnectionReport } from './types';

/** Enough for "ready"; a local server without a cap runs until its context is full (7-12 s seen). */
export const CONNECTION_TEST_MAX_TOKENS = 8;

export interface ConnectionTestDeps {
  sdk: OpenAI;
  endpoint: EndpointDescription;
  missingKey: LlmError | null;
  explain: (error: unknown) => Promise<LlmError>;
  cap: (maxTokens: number) => { max_completion_tokens: number } | { max_tokens: number };
  listModels: () => Promise<string[]>;
  timeoutMs: number;
  signal?: AbortSignal;
}

function offered(models: readonly string[]): string {
  return models.slice(0, 8).join(', ') + (models.length > 8 ? `, and ${models.length - 8} more` : '');
}

/**
 * Lists the models and runs one tiny completion with the model as typed. The list only informs:
 * a server may accept a name it does not list (llama-server lists the .gguf path and answers to
 * any name), so only the server's own refusal makes the test fail.
 */
export async function testEndpointConnection(deps: ConnectionTestDeps): Promise<ConnectionReport> {
  const { endpoint, signal } = deps;
  if (deps.missingKey) return { ok: false, message: deps.missingKey.message, models: [] };
  let models: string[] = [];
  try {
    models = await deps.listModels();
  } catch (error) {
    // Some servers do not list models; anything else (key, address, CORS) is the answer.
    if (!(error instanceof APIError && error.status === 404)) {
      return { ok: false, message: (await deps.explain(error)).message, models: [] };
    }
  }
  const started = Date.now();
  try {
    const reply = await deps.sdk.chat.completions.create(
      { model: endpoint.model, messages: [{ role: 'user', content: 'Reply with the single word: ready' }], ...deps.cap(CONNECTION_TEST_MAX_TOKENS) },
      { signal, timeout: deps.timeoutMs },
    ).then(checkedCompletion);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const said = (reply.choices[0]?.message.content ?? '').trim().slice(0, 40);
    const listing =
      models.length === 0
        ? ''
        : models.includes(endpoint.model)
          ? ` The server offers ${models.length} model${models.length === 1 ? '' : 's'}.`
          : ` The server lists ${offered(models)}, and accepted “${endpoint.model}” as well.`;
    return { ok: true, message: `Connected. “${endpoint.model}” answered in ${seconds} s${said ? ` (“${said}”)` : ''}.${listing}`, models };
  } catch (error) {
    const explained = await deps.explain(error);
    if (explained.code === 'unknown-model' && models.length > 0) {
      return { ok: false, message: `Connected to ${endpoint.baseURL}, but it has no model named “${endpoint.model}”. It offers: ${offered(models)}.`, models };
    }
    return { ok: false, message: explained.message, models };
  }
}
