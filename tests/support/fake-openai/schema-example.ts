import { isRecord } from './is-record';
import type { Responder } from './types';

type Schema = Readonly<Record<string, unknown>>;

export interface ExampleOptions {
  /** Text for a plain string property (no enum, const or format), given the property's name. */
  text?: (key: string) => string;
}

/** Past this depth arrays get only their minimum items and unions prefer null, so recursive schemas end. */
const MAX_DEPTH = 8;

const FORMATTED: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00.000Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function resolveRef(ref: string, root: Schema): Schema {
  if (ref === '#') return root;
  const segments = ref.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const segment of segments) node = isRecord(node) ? node[segment] : undefined;
  if (!isRecord(node)) throw new Error(`fake-openai: cannot resolve $ref ${ref}`);
  return node;
}

function isNullSchema(schema: unknown): boolean {
  return isRecord(schema) && schema.type === 'null';
}

function exampleString(schema: Schema, key: string, options: ExampleOptions): string {
  const formatted = typeof schema.format === 'string' ? FORMATTED[schema.format] : undefined;
  let text = formatted ?? options.text?.(key) ?? 'example';
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength);
  while (text.length < minLength) text += 'x';
  return maxLength === undefined ? text : text.slice(0, maxLength);
}

function exampleNumber(schema: Schema, integer: boolean): number {
  const min = num(schema.minimum);
  const max = num(schema.maximum);
  const exclusiveMin = num(schema.exclusiveMinimum);
  const exclusiveMax = num(schema.exclusiveMaximum);
  const step = integer ? 1 : 0.5;
  let value: number;
  if (min !== undefined) value = min;
  else if (exclusiveMin !== undefined) value = integer ? Math.floor(exclusiveMin) + 1 : exclusiveMin + step;
  else if (max !== undefined && max < 0) value = max;
  else if (exclusiveMax !== undefined && exclusiveMax <= 0) value = integer ? Math.ceil(exclusiveMax) - 1 : exclusiveMax - step;
  else value = 0;
  if (!integer && exclusiveMin !== undefined) {
    const upper = max ?? exclusiveMax;
    if (upper !== undefined && value >= upper) value = (exclusiveMin + upper) / 2;
  }
  return integer ? Math.ceil(value) : value;
}

/**
 * A minimal value conforming to a JSON schema (the subset structured outputs use): objects with
 * their required properties, enums' first value, numbers within bounds, arrays of minItems (or 1)
 * items, and the first non-null branch of a union.
 */
export function exampleFromSchema(schema: unknown, options: ExampleOptions = {}): unknown {
  const root = isRecord(schema) ? schema : {};
  const build = (node: Schema, key: string, depth: number): unknown => {
    if (typeof node.$ref === 'string') return build(resolveRef(node.$ref, root), key, depth);
    if ('const' in node) return node.const;
    if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
    const union = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
    if (union) {
      const branches = union.filter(isRecord);
      const pick = depth >= MAX_DEPTH ? branches.find(isNullSchema) : undefined;
      const branch = pick ?? branches.find((b) => !isNullSchema(b)) ?? branches[0];
      return branch ? build(branch, key, depth) : null;
    }
    if (Array.isArray(node.allOf)) {
      const parts = node.allOf.filter(isRecord).map((part) => build(part, key, depth));
      return parts.every(isRecord) ? Object.assign({}, ...parts) : parts[0];
    }
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const type = types.find((t) => t !== 'null') ?? types[0] ?? (isRecord(node.properties) ? 'object' : undefined);
    switch (type) {
      case 'object': {
        const properties = isRecord(node.properties) ? node.properties : {};
        const required = Array.isArray(node.required) ? node.required.filter((r) => typeof r === 'string') : [];
        return Object.fromEntries(
          required.map((name) => {
            const property = properties[name];
            return [name, build(isRecord(property) ? property : {}, name, depth + 1)];
          }),
        );
      }
      case 'array': {
        const minItems = num(node.minItems) ?? 0;
        const count = Math.min(depth >= MAX_DEPTH ? minItems : Math.max(minItems, 1), num(node.maxItems) ?? Infinity);
        const prefix = Array.isArray(node.prefixItems) ? node.prefixItems.filter(isRecord) : [];
        const items = isRecord(node.items) ? node.items : {};
        return Array.from({ length: count }, (_, i) => build(prefix[i] ?? items, key, depth + 1));
      }
      case 'string':
        return exampleString(node, key, options);
      case 'integer':
        return exampleNumber(node, true);
      case 'number':
        return exampleNumber(node, false);
      case 'boolean':
        return false;
      default:
        return null;
    }
  };
  return build(root, '', 0);
}

/** Responder that answers with `exampleFromSchema` of the request's `response_format.json_schema.schema`. */
export function fromSchema(options: ExampleOptions = {}): Responder {
  return (request) => {
    const format = request.chat.responseFormat;
    if (format?.type !== 'json_schema') {
      return { error: { status: 500, message: 'fake-openai: fromSchema() answered a request without a json_schema response_format.' } };
    }
    return { json: exampleFromSchema(format.json_schema.schema, options) };
  };
}
