/**
 * How many usable texts learning waits for. Its own module, free of the learning code, so the
 * popup can say it without loading the model client.
 */
export const MIN_SAMPLES_FOR_INFERENCE = 4;
