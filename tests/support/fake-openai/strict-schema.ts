import { isRecord } from './is-record';

type Schema = Readonly<Record<string, unknown>>;

function isObjectSchema(schema: Schema): boolean {
  const { type } = schema;
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || isRecord(schema.properties);
}

function contextLabel(path: readonly string[]): string {
  return `(${path.map((p) => `'${p}'`).join(', ')})`;
}

/** Sub-schemas reachable from a schema node, each with its path segment(s). */
function children(schema: Schema): Array<[string[], Schema]> {
  const found: Array<[string[], Schema]> = [];
  for (const key of ['properties', '$defs', 'definitions'] as const) {
    const map = schema[key];
    if (isRecord(map)) {
      for (const [name, child] of Object.entries(map)) if (isRecord(child)) found.push([[key, name], child]);
    }
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((child, i) => isRecord(child) && found.push([[key, String(i)], child]));
  }
  if (isRecord(schema.items)) found.push([['items'], schema.items]);
  return found;
}

/**
 * What OpenAI's structured outputs reject under `strict: true`: the root must be an object and every
 * object must forbid additional properties and require all of its properties.
 * Returns the problem in OpenAI's wording (without the "Invalid schema for ..." prefix), or undefined.
 */
export function strictSchemaProblem(root: Schema): string | undefined {
  if (!isObjectSchema(root)) {
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${String(root.type)}"'.`;
  }
  const visit = (schema: Schema, path: string[]): string | undefined => {
    if (isObjectSchema(schema)) {
      if (schema.additionalProperties !== false) {
        return `In context=${contextLabel(path)}, 'additionalProperties' is required to be supplied and to be false.`;
      }
      const properties = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
      const required = Array.isArray(schema.required) ? schema.required : [];
      const missing = properties.filter((p) => !required.includes(p));
      if (missing.length > 0) {
        return `In context=${contextLabel(path)}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
      }
    }
    for (const [segment, child] of children(schema)) {
      const problem = visit(child, [...path, ...segment]);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(root, []);
}
