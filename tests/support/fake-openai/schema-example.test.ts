import { zodResponseFormat } from 'openai/helpers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exampleFromSchema } from './schema-example';

describe('exampleFromSchema', () => {
  it('builds objects with their required properties only', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' }, nickname: { type: 'string' } },
      required: ['name', 'age'],
    };
    expect(exampleFromSchema(schema)).toEqual({ name: 'example', age: 0 });
  });

  it('respects enums, consts, formats and string lengths', () => {
    expect(exampleFromSchema({ type: 'string', enum: ['formal', 'casual'] })).toBe('formal');
    expect(exampleFromSchema({ const: 'fixed' })).toBe('fixed');
    expect(exampleFromSchema({ type: 'string', format: 'date-time' })).toBe('2024-01-01T00:00:00.000Z');
    expect(exampleFromSchema({ type: 'string', minLength: 10 })).toBe('examplexxx');
    expect(exampleFromSchema({ type: 'string', maxLength: 3 })).toBe('exa');
  });

  it('keeps numbers within their bounds', () => {
    expect(exampleFromSchema({ type: 'number', minimum: 0.5, maximum: 1 })).toBe(0.5);
    expect(exampleFromSchema({ type: 'integer', minimum: 1.2 })).toBe(2);
    expect(exampleFromSchema({ type: 'integer', exclusiveMinimum: 3 })).toBe(4);
    expect(exampleFromSchema({ type: 'number', exclusiveMinimum: 0, maximum: 0.2 })).toBe(0.1);
    expect(exampleFromSchema({ type: 'number', maximum: -3 })).toBe(-3);
    expect(exampleFromSchema({ type: 'integer', exclusiveMaximum: 0 })).toBe(-1);
  });

  it('fills arrays with minItems items, else one, within maxItems', () => {
    expect(exampleFromSchema({ type: 'array', items: { type: 'boolean' } })).toEqual([false]);
    expect(exampleFromSchema({ type: 'array', items: { type: 'integer' }, minItems: 3 })).toEqual([0, 0, 0]);
    expect(exampleFromSchema({ type: 'array', items: { type: 'integer' }, maxItems: 0 })).toEqual([]);
  });

  it('picks the first non-null branch of a union or nullable type', () => {
    expect(exampleFromSchema({ anyOf: [{ type: 'null' }, { type: 'number', minimum: 4 }] })).toBe(4);
    expect(exampleFromSchema({ type: ['null', 'string'] })).toBe('example');
  });

  it('follows $ref and ends recursive schemas', () => {
    const tree = {
      type: 'object',
      properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } },
      required: ['label', 'children'],
    };
    const depth = (node: unknown): number => {
      const { children } = node as { children: unknown[] };
      return children.length === 0 ? 1 : 1 + depth(children[0]);
    };
    expect(depth(exampleFromSchema(tree))).toBeLessThan(10);
  });

  it('lets the caller choose the text of plain strings by key', () => {
    const schema = { type: 'object', properties: { tone: { type: 'string' } }, required: ['tone'] };
    expect(exampleFromSchema(schema, { text: (key) => `<${key}>` })).toEqual({ tone: '<tone>' });
  });

  it('produces values zod accepts for a schema made by zodResponseFormat', () => {
    const Item = z.object({ word: z.string().min(2), weight: z.number().min(0).max(1) });
    const Profile = z.object({
      tone: z.enum(['warm', 'dry']),
      sentenceLength: z.number().int().min(3).max(40),
      favourites: z.array(Item).min(2),
      signature: z.string().nullable(),
      dialect: z.union([z.literal('en-GB'), z.literal('en-US')]),
      updatedAt: z.iso.datetime(),
      extras: z.object({ emoji: z.boolean(), alt: Item }),
    });
    const { json_schema } = zodResponseFormat(Profile, 'profile');
    expect(() => Profile.parse(exampleFromSchema(json_schema.schema))).not.toThrow();
  });
});
