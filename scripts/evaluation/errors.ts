/** A failure of the evaluation run itself (bad data, bad options), worded for the person running it. */
export class EvaluationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EvaluationError';
  }
}
