import type {
  BuiltInAvailability,
  BuiltInLanguageModel,
  BuiltInPromptMessage,
  BuiltInPromptOptions,
  BuiltInSession,
} from '../../lib/llm/chrome-builtin';

export interface PromptCall {
  input: string;
  options: BuiltInPromptOptions | undefined;
  initialPrompts: BuiltInPromptMessage[];
}

/** A stand-in for Chrome's `LanguageModel` global with scripted answers, recording every prompt. */
export function fakeLanguageModel(availability: BuiltInAvailability, answers: Array<string | Error> = []) {
  const calls: PromptCall[] = [];
  const destroyed: number[] = [];
  let sessions = 0;
  const next = () => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error('fake LanguageModel: no scripted answer');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const api: BuiltInLanguageModel = {
    availability: async () => availability,
    async create(options) {
      const id = ++sessions;
      const initialPrompts = options?.initialPrompts ?? [];
      const session: BuiltInSession = {
        contextWindow: 9216,
        contextUsage: 50,
        async prompt(input, promptOptions) {
          calls.push({ input, options: promptOptions, initialPrompts });
          return next();
        },
        promptStreaming(input, promptOptions) {
          calls.push({ input, options: promptOptions, initialPrompts });
          const pieces = next().match(/\S+\s*/g) ?? [];
          return new ReadableStream<string>({
            pull(controller) {
              if (promptOptions?.signal?.aborted) return controller.error(new DOMException('Aborted', 'AbortError'));
              const piece = pieces.shift();
              if (piece === undefined) controller.close();
              else controller.enqueue(piece);
            },
          });
        },
        async measureContextUsage(input) {
          return Math.ceil(input.length / 4);
        },
        destroy: () => void destroyed.push(id),
      };
      return session;
    },
  };
  return { api, calls, destroyed, sessionCount: () => sessions };
}

