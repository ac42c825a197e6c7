import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from './server';
import { clientFor, postJson, userSays } from './test-client';
import type { FakeOpenAI } from './types';

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  client = clientFor(fake);
});
beforeEach(() => {
  fake.reset();
  fake.setDefault({ content: 'valid' });
});
afterAll(() => fake.close());

const valid = { model: 'fake-model', messages: userSays('Hi') };

function jsonSchemaFormat(schema: unknown, extra: Record<string, unknown> = {}) {
  return { type: 'json_schema', json_schema: { name: 'reply', schema, ...extra } };
}

const strictObject = {
  type: 'object',
  properties: { a: { type: 'string' } },
  required: ['a'],
  additionalProperties: false,
};

const rejected: Array<[string, Record<string, unknown>, string, string | null]> = [
  ['a missing model', { messages: userSays('Hi') }, 'you must provide a model parameter', null],
  ['an empty model', { ...valid, model: '' }, 'you must provide a model parameter', null],
  ['missing messages', { model: 'fake-model' }, "Missing required parameter: 'messages'.", 'messages'],
  ['empty messages', { ...valid, messages: [] }, "Invalid 'messages': empty array.", 'messages'],
  ['non-array messages', { ...valid, messages: 'Hi' }, "Invalid type for 'messages': expected an array of objects, but got a string instead.", 'messages'],
  ['a message that is not an object', { ...valid, messages: ['Hi'] }, "Invalid type for 'messages[0]'", 'messages[0]'],
  [
    'an unknown role',
    { ...valid, messages: [{ role: 'robot', content: 'beep' }] },
    "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
    'messages[0].role',
  ],
  ['a missing role', { ...valid, messages: [{ content: 'Hi' }] }, "Missing required parameter: 'messages[0].role'.", 'messages[0].role'],
  [
    'a message without content',
    { ...valid, messages: [...userSays('Hi'), { role: 'user' }] },
    "Missing required parameter: 'messages[1].content'.",
    'messages[1].content',
  ],
  ['content of the wrong type', { ...valid, messages: [{ role: 'user', content: 42 }] }, "Invalid type for 'messages[0].content'", 'messages[0].content'],
  ['temperature above 2', { ...valid, temperature: 2.5 }, 'Expected a value <= 2, but got 2.5 instead.', 'temperature'],
  ['temperature below 0', { ...valid, temperature: -0.1 }, 'Expected a value >= 0, but got -0.1 instead.', 'temperature'],
  ['a string temperature', { ...valid, temperature: 'hot' }, "Invalid type for 'temperature': expected a decimal", 'temperature'],
  ['n = 0', { ...valid, n: 0 }, "Invalid 'n': integer below minimum value.", 'n'],
  ['a fractional max_tokens', { ...valid, max_tokens: 1.5 }, "Invalid type for 'max_tokens': expected an integer, but got a decimal instead.", 'max_tokens'],
  ['a negative max_completion_tokens', { ...valid, max_completion_tokens: -5 }, "Invalid 'max_completion_tokens': integer below minimum value.", 'max_completion_tokens'],
  ['stream_options without stream', { ...valid, stream_options: { include_usage: true } }, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options'],
  ['an unknown response_format type', { ...valid, response_format: { type: 'xml' } }, "Invalid value: 'xml'. Supported values are: 'text', 'json_object', and 'json_schema'.", 'response_format.type'],
  ['json_schema without json_schema', { ...valid, response_format: { type: 'json_schema' } }, "Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema'],
  ['a json_schema without a name', { ...valid, response_format: { type: 'json_schema', json_schema: { schema: strictObject } } }, "Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name'],
  ['a json_schema name with spaces', { ...valid, response_format: { type: 'json_schema', json_schema: { name: 'my reply', schema: strictObject } } }, 'string does not match pattern', 'response_format.json_schema.name'],
  ['a json_schema name of 65 characters', { ...valid, response_format: jsonSchemaFormat(strictObject, { name: 'a'.repeat(65) }) }, 'string does not match pattern', 'response_format.json_schema.name'],
  ['a json_schema without a schema', { ...valid, response_format: { type: 'json_schema', json_schema: { name: 'reply' } } }, "Missing required parameter: 'response_format.json_schema.schema'.", 'response_format.json_schema.schema'],
  ['a json_schema whose schema is not an object', { ...valid, response_format: jsonSchemaFormat('{"type":"object"}') }, "Invalid type for 'response_format.json_schema.schema': expected an object", 'response_format.json_schema.schema'],
  [
    'a strict schema allowing additional properties',
    { ...valid, response_format: jsonSchemaFormat({ ...strictObject, additionalProperties: true }, { strict: true }) },
    "Invalid schema for response_format 'reply': In context=(), 'additionalProperties' is required to be supplied and to be false.",
    'response_format',
  ],
  [
    'a strict schema with a nested object missing additionalProperties',
    {
      ...valid,
      response_format: jsonSchemaFormat(
        {
          ...strictObject,
          properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] } } },
        },
        { strict: true },
      ),
    },
    "In context=('properties', 'a', 'items'), 'additionalProperties' is required to be supplied and to be false.",
    'response_format',
  ],
  [
    'a strict schema with an optional property',
    { ...valid, response_format: jsonSchemaFormat({ ...strictObject, properties: { a: { type: 'string' }, b: { type: 'number' } } }, { strict: true }) },
    "'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.",
    'response_format',
  ],
  [
    'a strict schema whose root is not an object',
    { ...valid, response_format: jsonSchemaFormat({ type: 'array', items: { type: 'string' } }, { strict: true }) },
    'schema must be a JSON Schema of \'type: "object"\'',
    'response_format',
  ],
  [
    'json_object mode without the word json in the messages',
    { ...valid, response_format: { type: 'json_object' } },
    "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
    'messages',
  ],
];

describe('request validation', () => {
  it.each(rejected)('rejects %s with a 400 the client surfaces as BadRequestError', async (_, body, message, param) => {
    const error = await client.post('/chat/completions', { body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param, message: expect.stringContaining(message) });
  });

  it('does not consume a scripted reply when it rejects a request', async () => {
    fake.script({ content: 'kept for the valid request' });
    await expect(client.post('/chat/completions', { body: { model: 'fake-model' } })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const completion = await client.chat.completions.create(valid);
    expect(completion.choices[0]?.message.content).toBe('kept for the valid request');
  });

  it("answers an unparseable body with OpenAI's error shape", async () => {
    const response = await postJson(fake, '/chat/completions', '{"model": "fake-model",');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({
      error: { message: expect.stringContaining('We could not parse the JSON body'), type: 'invalid_request_error', param: null, code: null },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['temperature 0', { temperature: 0 }],
    ['temperature 2', { temperature: 2 }],
    ['explicit nulls for optional parameters', { temperature: null, max_tokens: null, response_format: null }],
    ['an assistant tool call without content', { messages: [...userSays('Hi'), { role: 'assistant', tool_calls: [] }, ...userSays('And?')] }],
    ['json_object mode when a message mentions JSON', { messages: userSays('Reply in JSON.'), response_format: { type: 'json_object' } }],
    ['a non-strict schema with optional properties', { response_format: jsonSchemaFormat({ type: 'object', properties: { a: { type: 'string' } } }) }],
    ['a strict schema with $defs and anyOf', {
      response_format: jsonSchemaFormat(
        {
          type: 'object',
          properties: { item: { $ref: '#/$defs/item' }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
          required: ['item', 'note'],
          additionalProperties: false,
          $defs: { item: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'], additionalProperties: false } },
        },
        { strict: true },
      ),
    }],
  ])('accepts %s', async (_, overrides) => {
    const response = await client.post('/chat/completions', { body: { ...valid, ...overrides } });
    expect(response).toMatchObject({ object: 'chat.completion' });
  });
});
