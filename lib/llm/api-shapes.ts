import { z } from 'zod';

/**
 * The least of the OpenAI API's answers Idiolect reads. The SDK hands back whatever a server sent
 * (a web page answering 200 at the Base URL arrives as a string), so each answer is checked here
 * before any field is read, and a stranger's answer becomes a plain "not the OpenAI API" error
 * instead of "Cannot read properties of undefined".
 */
const completionShape = z.looseObject({
  choices: z.array(
    z.looseObject({
      message: z.looseObject({ content: z.string().nullish() }),
      finish_reason: z.string().nullish(),
    }),
  ),
});

const streamChunkShape = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        delta: z.looseObject({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional(),
});

const modelsPageShape = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) });

/** Something answered, but not in the OpenAI API's shape. */
export class NotAnApiAnswerError extends Error {
  constructor(what: string, problem: string) {
    super(`The answer to ${what} is not in the OpenAI API's shape (${problem}).`);
    this.name = 'NotAnApiAnswerError';
  }
}

function checked<T>(shape: z.ZodType, what: string, answer: T): T {
  const reading = shape.safeParse(answer);
  if (!reading.success) {
    const issue = reading.error.issues[0];
    throw new NotAnApiAnswerError(what, issue ? `${issue.path.join('.') || 'the answer'}: ${issue.message}` : 'unreadable');
  }
  return answer;
}

export const checkedCompletion = <T>(answer: T): T => checked(completionShape, 'a chat completion', answer);
export const checkedStreamChunk = <T>(answer: T): T => checked(streamChunkShape, 'a streamed chat completion', answer);
export const checkedModelsPage = <T>(answer: T): T => checked(modelsPageShape, 'the list of models', answer);
