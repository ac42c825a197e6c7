import { LlmError } from '../../lib/llm/errors';
import { EvaluationError } from './errors';

/**
 * The one message a failed run ends with. The product's LLM errors speak to someone in the
 * extension's options page; here the fix is a command-line flag.
 */
export function describeFailure(error: unknown, config: { baseURL: string; model: string; judgeModel: string } | null): string {
  if (error instanceof EvaluationError) return error.message;
  if (error instanceof LlmError) {
    switch (error.code) {
      case 'auth':
        return `The endpoint at ${config?.baseURL ?? 'the base URL'} refused the API key (401). Pass a valid key with --api-key or OPENAI_API_KEY.`;
      case 'unknown-model':
        return `${error.message.replace(/ Check the model name, or use “Test connection”.*$/, '')} Check --model${config && config.judgeModel !== config.model ? ' and --judge-model' : ''}.`;
      case 'unreachable':
        return `Could not reach ${config?.baseURL ?? 'the endpoint'}. Is the server running, and is --base-url right (for most servers it ends in /v1)?`;
      default:
        return error.message;
    }
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
