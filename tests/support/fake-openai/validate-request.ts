import { messageText } from './chat-view';
import { type ApiError, invalidRequest, invalidType, invalidValue, missingParameter } from './errors';
import { isRecord } from './is-record';
import { strictSchemaProblem } from './strict-schema';

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;
const FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const;
const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** OpenAI treats an explicit null like an omitted optional parameter. */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function validateMessage(message: unknown, index: number): ApiError | undefined {
  const param = `messages[${index}]`;
  if (!isRecord(message)) return invalidType(param, 'an object', message);
  if (isAbsent(message.role)) return missingParameter(`${param}.role`);
  if (!ROLES.includes(message.role as (typeof ROLES)[number])) return invalidValue(`${param}.role`, message.role, ROLES);
  const content = message.content;
  if (isAbsent(content)) {
    const assistantCall = message.role === 'assistant' && (!isAbsent(message.tool_calls) || !isAbsent(message.function_call));
    return assistantCall ? undefined : missingParameter(`${param}.content`);
  }
  if (typeof content !== 'string' && !Array.isArray(content)) {
    return invalidType(`${param}.content`, 'one of a string or array of objects', content);
  }
  return undefined;
}

function validateMessages(messages: unknown): ApiError | undefined {
  if (isAbsent(messages)) return missingParameter('messages');
  if (!Array.isArray(messages)) return invalidType('messages', 'an array of objects', messages);
  if (messages.length === 0) {
    return invalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  for (const [index, message] of messages.entries()) {
    const error = validateMessage(message, index);
    if (error) return error;
  }
  return undefined;
}

function validateTemperature(value: unknown): ApiError | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return invalidType('temperature', 'a decimal', value);
  if (value < 0) {
    return invalidRequest(
      `Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got ${value} instead.`,
      'temperature',
      'decimal_below_min_value',
    );
  }
  if (value > 2) {
    return invalidRequest(
      `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${value} instead.`,
      'temperature',
      'decimal_above_max_value',
    );
  }
  return undefined;
}

function validatePositiveInteger(param: string, value: unknown): ApiError | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) return invalidType(param, 'an integer', value);
  if (value < 1) {
    return invalidRequest(
      `Invalid '${param}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`,
      param,
      'integer_below_min_value',
    );
  }
  return undefined;
}

function validateJsonSchema(format: Record<string, unknown>): ApiError | undefined {
  const spec = format.json_schema;
  if (isAbsent(spec)) return missingParameter('response_format.json_schema');
  if (!isRecord(spec)) return invalidType('response_format.json_schema', 'an object', spec);
  if (isAbsent(spec.name)) return missingParameter('response_format.json_schema.name');
  if (typeof spec.name !== 'string') return invalidType('response_format.json_schema.name', 'a string', spec.name);
  if (!SCHEMA_NAME.test(spec.name)) {
    return invalidRequest(
      `Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' with at most 64 characters.`,
      'response_format.json_schema.name',
      'invalid_value',
    );
  }
  if (isAbsent(spec.schema)) return missingParameter('response_format.json_schema.schema');
  if (!isRecord(spec.schema)) return invalidType('response_format.json_schema.schema', 'an object', spec.schema);
  if (spec.strict === true) {
    const problem = strictSchemaProblem(spec.schema);
    if (problem) return invalidRequest(`Invalid schema for response_format '${spec.name}': ${problem}`, 'response_format');
  }
  return undefined;
}

function validateResponseFormat(format: unknown): ApiError | undefined {
  if (isAbsent(format)) return undefined;
  if (!isRecord(format)) return invalidType('response_format', 'an object', format);
  if (isAbsent(format.type)) return missingParameter('response_format.type');
  if (!FORMAT_TYPES.includes(format.type as (typeof FORMAT_TYPES)[number])) {
    return invalidValue('response_format.type', format.type, FORMAT_TYPES);
  }
  return format.type === 'json_schema' ? validateJsonSchema(format) : undefined;
}

/** Mirrors the real API's check that JSON mode is asked for in the prompt, not only in the parameters. */
function validateJsonWord(body: Record<string, unknown>): ApiError | undefined {
  if (!isRecord(body.response_format) || body.response_format.type !== 'json_object') return undefined;
  const messages = body.messages as ReadonlyArray<Record<string, unknown>>;
  if (messages.some((m) => /json/i.test(messageText(m.content)))) return undefined;
  return invalidRequest(
    "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    'messages',
  );
}

/** The first reason the real API would answer 400 to this chat completion body, if any. */
export function validateChatRequest(body: unknown): ApiError | undefined {
  if (!isRecord(body)) return invalidType('body', 'an object', body);
  if (isAbsent(body.model) || body.model === '') return invalidRequest('you must provide a model parameter');
  if (typeof body.model !== 'string') return invalidType('model', 'a string', body.model);
  return (
    validateMessages(body.messages) ??
    validateTemperature(body.temperature) ??
    validatePositiveInteger('n', body.n) ??
    validatePositiveInteger('max_tokens', body.max_tokens) ??
    validatePositiveInteger('max_completion_tokens', body.max_completion_tokens) ??
    (!isAbsent(body.stream_options) && body.stream !== true
      ? invalidRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options')
      : undefined) ??
    validateResponseFormat(body.response_format) ??
    validateJsonWord(body)
  );
}
